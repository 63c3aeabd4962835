package dk.eojxds.repository;

import dk.eojxds.handover.ChangeQueue;
import dk.eojxds.handover.DeprecationOutbox;
import dk.eojxds.handover.IngestedResources;
import dk.eojxds.handover.Priority;
import dk.eojxds.handover.QueueDepth;
import dk.eojxds.handover.RegistrationOutbox;
import dk.eojxds.handover.RegistryVersions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hand-over this service uses: ingest's changes and stored resources in, the registry outboxes out. */
@Configuration(proxyBeanMethods = false)
class HandoverQueues {

    /** The change queue, and its depth per priority as gauge {@code eojxds.handover.changes.pending{priority}}. */
    @Bean
    ChangeQueue changeQueue(JdbcTemplate jdbc, MeterRegistry meters) {
        ChangeQueue changes = new ChangeQueue(jdbc);
        for (Priority priority : Priority.values()) {
            QueueDepth.register(meters, "eojxds.handover.changes.pending",
                    Tags.of("priority", priority.name().toLowerCase()), () -> changes.pending(priority));
        }
        return changes;
    }

    @Bean
    IngestedResources ingestedResources(JdbcTemplate jdbc) {
        return new IngestedResources(jdbc);
    }

    @Bean
    RegistrationOutbox registrationOutbox(JdbcTemplate jdbc) {
        return new RegistrationOutbox(jdbc);
    }

    @Bean
    DeprecationOutbox deprecationOutbox(JdbcTemplate jdbc) {
        return new DeprecationOutbox(jdbc);
    }

    @Bean
    RegistryVersions registryVersions(JdbcTemplate jdbc) {
        return new RegistryVersions(jdbc);
    }
}
