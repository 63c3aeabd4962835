package dk.eojxds.ingest.delta;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How to pull deltas from the municipalities' gateway (prefix {@code eojxds.fkg}).
 *
 * @param baseUrl          FHIR base URL of the gateway
 * @param pageSize         resources per search page ({@code _count})
 * @param pollInterval     pause between two polls of a feed
 * @param safetyWindow     the cursor never advances past now minus this: the gateway's
 *                         transactions commit out of timestamp order
 * @param initialLookback  where a feed without a cursor starts (the gateway keeps seven days)
 * @param retentionWarning a cursor older than this turns health DOWN, before data is lost
 */
@Validated
@ConfigurationProperties("eojxds.fkg")
public record GatewayProperties(
        @NotBlank String baseUrl,
        @Min(1) @Max(1000) int pageSize,
        @NotNull Duration pollInterval,
        @NotNull Duration safetyWindow,
        @NotNull Duration initialLookback,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        @NotNull Duration retentionWarning,
        boolean enabled) {
}
