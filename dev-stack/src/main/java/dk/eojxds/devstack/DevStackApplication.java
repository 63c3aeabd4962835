package dk.eojxds.devstack;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Local stand-ins for what the bridge talks to: the municipalities' gateway (FHIR R4 at
 * {@code /fhir}, serving synthetic deltas) and the national document registry (ITI-42 and ITI-18
 * at {@code /services/registry/...}). For development and tests only.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DevStackApplication {

    public static final String CONFIG_NAME = "dev-stack";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(DevStackApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
