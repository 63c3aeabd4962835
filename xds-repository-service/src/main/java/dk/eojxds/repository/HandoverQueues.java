package dk.eojxds.repository;

import dk.eojxds.handover.ChangeQueue;
import dk.eojxds.handover.DeprecationOutbox;
import dk.eojxds.handover.RegistrationOutbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hand-over queues this service uses: it consumes ingest's changes and fills the registry outboxes. */
@Configuration(proxyBeanMethods = false)
class HandoverQueues {

    @Bean
    ChangeQueue changeQueue(JdbcTemplate jdbc) {
        return new ChangeQueue(jdbc);
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
