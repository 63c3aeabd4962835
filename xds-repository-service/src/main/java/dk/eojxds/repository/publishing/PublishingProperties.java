package dk.eojxds.repository.publishing;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Publishing per municipality (prefix {@code eojxds.publishing}). There is no setting that sets a
 * municipality live: only an operator does (the local stack does it through the operator API).
 *
 * @param metricsRefresh how often the waiting and stalled gauges are worked out
 */
@Validated
@ConfigurationProperties("eojxds.publishing")
record PublishingProperties(
        @NotNull @DefaultValue("PT1M") Duration metricsRefresh) {
}
