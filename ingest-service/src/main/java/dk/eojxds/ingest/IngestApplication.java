package dk.eojxds.ingest;

import dk.eojxds.handover.MigrateOnly;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Pulls deltas from the municipalities' gateway (FKG) into schema {@code ingest}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IngestApplication {

    /** Own configuration file name, so that all services can share one classpath (local-stack). */
    public static final String CONFIG_NAME = "ingest-service";

    public static void main(String[] args) {
        if (MigrateOnly.requested(args)) {
            MigrateOnly.run(CONFIG_NAME, args);
            return;
        }
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IngestApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
