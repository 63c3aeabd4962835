package dk.eojxds.registry;

import dk.eojxds.handover.DeprecationOutbox;
import dk.eojxds.handover.RegistrationOutbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hand-over queues this service consumes: the repository's registration and deprecation outboxes. */
@Configuration(proxyBeanMethods = false)
class HandoverQueues {

    /** The registration outbox, and its depth as gauge {@code eojxds.handover.registrations.pending}. */
    @Bean
    RegistrationOutbox registrationOutbox(JdbcTemplate jdbc, io.micrometer.core.instrument.MeterRegistry meters) {
        RegistrationOutbox outbox = new RegistrationOutbox(jdbc);
        io.micrometer.core.instrument.Gauge.builder("eojxds.handover.registrations.pending", outbox, queue -> {
            try {
                return queue.depth();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).register(meters);
        return outbox;
    }

    @Bean
    DeprecationOutbox deprecationOutbox(JdbcTemplate jdbc) {
        return new DeprecationOutbox(jdbc);
    }
}
