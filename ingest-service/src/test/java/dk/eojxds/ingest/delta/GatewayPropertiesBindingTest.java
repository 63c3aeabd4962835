package dk.eojxds.ingest.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** Environment variables override one feed's setting without replacing the others. */
class GatewayPropertiesBindingTest {

    @Test
    void oneFeedsPageSizeCanBeOverriddenByEnvironment() throws Exception {
        Properties file = PropertiesLoaderUtils.loadProperties(new ClassPathResource("ingest-service.properties"));
        Map<String, Object> env = new HashMap<>(Map.of("EOJXDS_FKG_FEEDS_TELMA_PAGE_SIZE", "7",
                "EOJXDS_FKG_BASE_URL", "https://gateway.example/fhir"));
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.addFirst(new PropertiesPropertySource("file", file));
        sources.addFirst(new SystemEnvironmentPropertySource("env", env));
        GatewayProperties properties = new Binder(ConfigurationPropertySources.get(environment))
                .bind("eojxds.fkg", GatewayProperties.class).get();
        assertThat(properties.baseUrl()).isEqualTo("https://gateway.example/fhir");
        assertThat(properties.feeds().get("telma").pageSize()).isEqualTo(7);
        assertThat(properties.feeds().get("telma").resourceType()).isEqualTo("Observation");
        assertThat(properties.feeds()).containsOnlyKeys("telma", "kpro", "fsiii");
    }
}
