package dk.eojxds.repository.status;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operators' status page (prefix {@code eojxds.status}).
 *
 * @param silentAfter    a municipality from which nothing has arrived for longer than this is "silent"
 * @param feedRetention  how long the gateway keeps data (a feed cursor older than this has lost data)
 * @param feedWarning    a feed cursor older than this is a warning (as ingest's retention warning)
 * @param waitingWarning a document waiting longer than this for registration is a warning
 * @param freshnessWarning a municipality and family whose documents took longer than this from
 *                       received to registered (95th percentile over the last day) is a warning
 * @param months         how many months (this one included) the programme's figures show
 * @param citizensTarget citizens (or relatives) reading their own data per month, the programme's target
 * @param gpTarget       GP practices with at least one look-up, the programme's target
 * @param silenceRefresh how often the silent municipalities are worked out (the alert's gauge)
 */
@Validated
@ConfigurationProperties("eojxds.status")
record StatusProperties(
        @NotNull Duration silentAfter,
        @NotNull Duration feedRetention,
        @NotNull Duration feedWarning,
        @NotNull Duration waitingWarning,
        @NotNull Duration freshnessWarning,
        @Min(1) @Max(36) int months,
        @Min(0) long citizensTarget,
        @Min(0) long gpTarget,
        @NotNull @DefaultValue("PT5M") Duration silenceRefresh) {
}
