package dk.eojxds.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context an empty PostgreSQL database of its own (registered through
 * META-INF/spring.factories), so test classes never interfere through shared rows. Contexts that
 * Spring caches share their database, as they share everything else. The service runs as the
 * same login that migrates (so tests can set up and inspect any schema); what the least-privilege
 * runtime roles may and may not do is shown by the local stack, which runs as them, and by
 * {@code LeastPrivilegeTest}.
 */
public class FreshDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new FreshDatabase();
    }

    private static final class FreshDatabase implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            DatabaseCoordinates db = PostgresServer.forTests().createDatabase("test");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("freshTestDatabase",
                    Map.of("eojxds.db.url", db.url(), "eojxds.db.user", db.user(),
                            "eojxds.db.password", db.password(), "eojxds.db.migration-user", db.user(),
                            "eojxds.db.migration-password", db.password(),
                            // Spring caches test contexts with their pools: idle ones keep one
                            // connection, not eight, so a module's cached contexts stay well under
                            // PostgreSQL's max_connections (100)
                            "spring.datasource.hikari.minimum-idle", "1",
                            "spring.datasource.hikari.idle-timeout", "10000")));
        }

        // All instances are equal: whether two test classes share a context is Spring's decision.
        @Override
        public boolean equals(Object other) {
            return other instanceof FreshDatabase;
        }

        @Override
        public int hashCode() {
            return FreshDatabase.class.hashCode();
        }
    }
}
