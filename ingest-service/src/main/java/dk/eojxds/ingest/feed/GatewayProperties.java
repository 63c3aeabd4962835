package dk.eojxds.ingest.feed;

import dk.eojxds.model.DataFamily;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to pull deltas from the municipalities' gateway (prefix {@code eojxds.fkg}).
 *
 * @param baseUrl          FHIR base URL of the gateway
 * @param pollInterval     pause between two polls of the feeds
 * @param tailInterval     pause between two looks at what is newer than the newest resource seen
 *                         (the tail poll, for freshness: it reads no safety window and never moves
 *                         the cursor); off when not shorter than {@code pollInterval}
 * @param safetyWindow     the cursor never advances past now minus this: the gateway's
 *                         transactions commit out of timestamp order
 * @param initialLookback  where a feed without a cursor starts (the gateway keeps seven days)
 * @param retentionWarning a cursor older than this turns health DOWN, before data is lost
 * @param retention        how long the gateway keeps data; a cursor older than this means a gap
 * @param maxAttempts      tries per HTTP call on 5xx, 429 and network errors
 * @param unreadablePageAttempts polls that may fail on the same unreadable page (not a Bundle, broken
 *                         JSON) before the feed narrows it down to a time window and skips that
 * @param unreadableWindow the smallest time window a feed narrows an unreadable page down to; that
 *                         window is recorded as a gap (its raw answer in the quarantine) and skipped
 * @param maxPollDuration  a full poll ends after the page it is reading when it has run this long;
 *                         the next poll goes on from the cursor
 * @param maxResourceChars the largest resource (JSON characters) read; a larger one is quarantined
 * @param stalledAfter     a feed whose last poll ended this long ago turns health DOWN
 * @param reconcileInterval how often the reconciliation sweep reads every feed's long window again
 * @param reconcileWindow  how far back the sweep reads: late commits within it are repaired
 * @param feeds            the feeds to pull by name (the cursor's key); a map, so that one
 *                         feed's setting can be overridden alone ({@code EOJXDS_FKG_FEEDS_TELMA_PAGE_SIZE})
 */
@Validated
@ConfigurationProperties("eojxds.fkg")
public record GatewayProperties(
        @NotBlank String baseUrl,
        @NotNull Duration pollInterval,
        // the scheduler refuses a zero delay: tails are turned off by an interval not shorter than pollInterval
        @NotNull @DurationMin(millis = 1) @DefaultValue("PT1S") Duration tailInterval,
        @NotNull Duration safetyWindow,
        @NotNull Duration initialLookback,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        @NotNull Duration retentionWarning,
        @NotNull Duration retention,
        @Min(1) @Max(20) int maxAttempts,
        @NotNull Duration firstRetry,
        @NotNull Duration maxRetry,
        @Min(1) @Max(100) int unreadablePageAttempts,
        @NotNull Duration unreadableWindow,
        @NotNull @DefaultValue("PT10M") Duration maxPollDuration,
        @Min(1000) @DefaultValue("5000000") int maxResourceChars,
        @NotNull @DefaultValue("PT15M") Duration stalledAfter,
        // the scheduler refuses a zero delay
        @NotNull @DurationMin(millis = 1) @DefaultValue("PT15M") Duration reconcileInterval,
        @NotNull @DefaultValue("PT6H") Duration reconcileWindow,
        boolean enabled,
        @Valid Auth auth,
        @Valid @NotEmpty Map<String, FeedProperties> feeds) {

    /** Whether tail polls run: only when they come more often than the full polls. */
    public boolean tailing() {
        return !tailInterval.isZero() && !tailInterval.isNegative() && tailInterval.compareTo(pollInterval) < 0;
    }

    /** OAuth2 client credentials (the gateway uses Keycloak); absent means no Authorization header. */
    public record Auth(String tokenUrl, String clientId, String clientSecret, String scope) {

        public boolean enabled() {
            return tokenUrl != null && !tokenUrl.isBlank();
        }
    }

    /**
     * One feed: a FHIR search on a resource type (optionally restricted by {@code _profile}).
     *
     * @param pageSize     {@code _count} per page
     * @param baseUrl      this feed's FHIR base URL, when it is not the gateway's ({@code base-url})
     * @param pollInterval how often this feed is polled, when less often than every poll
     */
    public record FeedProperties(
            @NotNull DataFamily family,
            @NotBlank String resourceType,
            String profile,
            @Min(1) @Max(1000) int pageSize,
            boolean enabled,
            String baseUrl,
            Duration pollInterval) {
    }
}
