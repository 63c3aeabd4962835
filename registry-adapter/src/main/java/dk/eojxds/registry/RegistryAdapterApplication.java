package dk.eojxds.registry;

import dk.eojxds.handover.MigrateOnly;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Registers stored documents in the national document registry (ITI-42); schema {@code registry}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RegistryAdapterApplication {

    public static final String CONFIG_NAME = "registry-adapter";

    public static void main(String[] args) {
        if (MigrateOnly.requested(args)) {
            MigrateOnly.run(CONFIG_NAME, args);
            return;
        }
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(RegistryAdapterApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
