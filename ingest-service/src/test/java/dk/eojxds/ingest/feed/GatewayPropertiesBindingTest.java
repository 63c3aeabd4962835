package dk.eojxds.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** Environment variables override one feed's setting without replacing the others; the tail interval is validated. */
class GatewayPropertiesBindingTest {

    @Test
    void oneFeedsPageSizeCanBeOverriddenByEnvironment() throws Exception {
        GatewayProperties properties = bind(Map.of("EOJXDS_FKG_FEEDS_TELMA_PAGE_SIZE", "7",
                "EOJXDS_FKG_BASE_URL", "https://gateway.example/fhir"));
        assertThat(properties.baseUrl()).isEqualTo("https://gateway.example/fhir");
        assertThat(properties.feeds().get("telma").pageSize()).isEqualTo(7);
        assertThat(properties.feeds().get("telma").resourceType()).isEqualTo("Observation");
        assertThat(properties.feeds()).containsOnlyKeys("telma", "kpro", "fsiii");
    }

    @Test
    void theTailIntervalIsOneSecondAndMayNotBeZero() throws Exception {
        assertThat(bind(Map.of()).tailInterval()).hasSeconds(1);
        GatewayProperties zero = bind(Map.of("EOJXDS_FKG_TAIL_INTERVAL", "PT0S"));
        try (var validation = jakarta.validation.Validation.buildDefaultValidatorFactory()) {
            assertThat(validation.getValidator().validate(zero))
                    .extracting(v -> v.getPropertyPath().toString()).containsExactly("tailInterval");
        }
    }

    private static GatewayProperties bind(Map<String, Object> env) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new PropertiesPropertySource("file",
                PropertiesLoaderUtils.loadProperties(new ClassPathResource("ingest-service.properties"))));
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", env));
        return new Binder(ConfigurationPropertySources.get(environment)).bind("eojxds.fkg", GatewayProperties.class).get();
    }
}
