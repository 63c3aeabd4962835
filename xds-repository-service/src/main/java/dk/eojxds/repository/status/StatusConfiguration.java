package dk.eojxds.repository.status;

import dk.eojxds.handover.PublishedStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hand-over module's reads of the other services' status views, as the repository's role. */
@Configuration(proxyBeanMethods = false)
class StatusConfiguration {

    @Bean
    PublishedStatus publishedStatus(JdbcTemplate jdbc) {
        return new PublishedStatus(jdbc);
    }
}
