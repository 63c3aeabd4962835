package dk.eojxds.handover;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A service's schema migrations alone, then exit: {@code --migrate-only} as the first argument.
 * A rollout runs this once (a Kubernetes Job, docs/deployment.md) with the schema owner's login,
 * and the service's replicas start with {@code spring.flyway.enabled=false}, so no two replicas
 * ever migrate at once and no replica needs the owner's password. Only the data source and Flyway
 * start, with the service's own configuration (file name, placeholders, environment).
 */
public final class MigrateOnly {

    public static final String ARGUMENT = "--migrate-only";
    private static final Logger log = LoggerFactory.getLogger(MigrateOnly.class);

    private MigrateOnly() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && ARGUMENT.equals(args[0]);
    }

    /** Migrates the schema of the service configured by {@code configName} and returns. */
    public static void run(String configName, String[] args) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Migration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties("spring.config.name=" + configName)
                .run(withFlywayOn(rest))) {
            log.info("{}: schema migrated ({})", configName, context.getEnvironment().getProperty("spring.flyway.schemas"));
        }
    }

    // the replicas run with Flyway off; this run is the one that migrates
    private static String[] withFlywayOn(String[] args) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--spring.flyway.enabled=true";
        return all;
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    static class Migration {
    }
}
