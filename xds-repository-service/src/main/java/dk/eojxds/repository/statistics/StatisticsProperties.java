package dk.eojxds.repository.statistics;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The programme's statistics (prefix {@code eojxds.statistics}).
 *
 * @param rollupInterval how often audit rows older than five minutes are rolled up into the monthly tables
 */
@Validated
@ConfigurationProperties("eojxds.statistics")
record StatisticsProperties(@NotNull @DefaultValue("PT1M") Duration rollupInterval) {
}
