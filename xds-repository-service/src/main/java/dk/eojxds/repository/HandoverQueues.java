package dk.eojxds.repository;

import dk.eojxds.handover.ChangeQueue;
import dk.eojxds.handover.DeprecationOutbox;
import dk.eojxds.handover.IngestedResources;
import dk.eojxds.handover.Priority;
import dk.eojxds.handover.RegistrationOutbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hand-over this service uses: ingest's changes and stored resources in, the registry outboxes out. */
@Configuration(proxyBeanMethods = false)
class HandoverQueues {

    /** The change queue, and its depth per priority as gauge {@code eojxds.handover.changes.pending{priority}}. */
    @Bean
    ChangeQueue changeQueue(JdbcTemplate jdbc, io.micrometer.core.instrument.MeterRegistry meters) {
        ChangeQueue changes = new ChangeQueue(jdbc);
        for (Priority priority : Priority.values()) {
            io.micrometer.core.instrument.Gauge.builder("eojxds.handover.changes.pending", changes,
                            queue -> depth(() -> queue.pending(priority)))
                    .tag("priority", priority.name().toLowerCase()).register(meters);
        }
        return changes;
    }

    // a scrape must not fail while ingest's schema is not there yet
    static double depth(java.util.function.LongSupplier count) {
        try {
            return count.getAsLong();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
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
}
