package dk.eojxds.ingest;

import dk.eojxds.handover.ChangeQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hand-over queue this service fills: the changes the repository builds documents from. */
@Configuration(proxyBeanMethods = false)
class HandoverQueues {

    @Bean
    ChangeQueue changeQueue(JdbcTemplate jdbc) {
        return new ChangeQueue(jdbc);
    }
}
