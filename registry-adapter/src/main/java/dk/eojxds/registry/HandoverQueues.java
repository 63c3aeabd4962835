package dk.eojxds.registry;

import dk.eojxds.handover.DeprecationOutbox;
import dk.eojxds.handover.RegistrationOutbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hand-over queues this service consumes: the repository's registration and deprecation outboxes. */
@Configuration(proxyBeanMethods = false)
class HandoverQueues {

    @Bean
    RegistrationOutbox registrationOutbox(JdbcTemplate jdbc) {
        return new RegistrationOutbox(jdbc);
    }

    @Bean
    DeprecationOutbox deprecationOutbox(JdbcTemplate jdbc) {
        return new DeprecationOutbox(jdbc);
    }
}
