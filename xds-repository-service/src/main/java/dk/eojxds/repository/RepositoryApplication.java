package dk.eojxds.repository;

import dk.eojxds.handover.MigrateOnly;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Builds documents from ingested data into schema {@code repository} and answers ITI-43. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RepositoryApplication {

    /** Own configuration file name, so that all services can share one classpath (local-stack). */
    public static final String CONFIG_NAME = "xds-repository-service";

    public static void main(String[] args) {
        if (MigrateOnly.requested(args)) {
            MigrateOnly.run(CONFIG_NAME, args);
            return;
        }
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(RepositoryApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
