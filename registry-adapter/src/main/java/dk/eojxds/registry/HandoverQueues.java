package dk.eojxds.registry;

import dk.eojxds.handover.DeprecationOutbox;
import dk.eojxds.handover.QueueDepth;
import dk.eojxds.handover.RegistrationOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hand-over queues this service consumes: the repository's registration and deprecation outboxes. */
@Configuration(proxyBeanMethods = false)
class HandoverQueues {

    /** The registration outbox, and its depth as gauge {@code eojxds.handover.registrations.pending}. */
    @Bean
    RegistrationOutbox registrationOutbox(JdbcTemplate jdbc, MeterRegistry meters) {
        RegistrationOutbox outbox = new RegistrationOutbox(jdbc);
        QueueDepth.register(meters, "eojxds.handover.registrations.pending", Tags.empty(), outbox::depth);
        return outbox;
    }

    @Bean
    DeprecationOutbox deprecationOutbox(JdbcTemplate jdbc) {
        return new DeprecationOutbox(jdbc);
    }
}
