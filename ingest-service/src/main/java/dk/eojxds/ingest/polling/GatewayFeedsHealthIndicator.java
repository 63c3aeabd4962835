package dk.eojxds.ingest.polling;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.feed.GatewayProperties;
import dk.eojxds.ingest.store.FeedCursors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * DOWN when a feed's cursor is older than the retention warning (the gateway keeps only seven
 * days, so a feed that lags that far is about to lose data), when a gap was recorded (it did
 * lose data; only an initial load clears it), or when a feed cannot advance: its polls have
 * failed without a success for longer than {@code eojxds.fkg.stalled-after} (15 minutes; a
 * poison page, a page loop, a refused link or an outage — each needs a person long before the
 * cursor nears the retention limit). A single failed poll is reported but is not DOWN by itself
 * (the next poll retries).
 */
@Component
class GatewayFeedsHealthIndicator extends AbstractHealthIndicator {

    private final DeltaPoller poller;
    private final FeedCursors cursors;
    private final GatewayProperties properties;
    private final Clock clock;
    private final Duration stalledAfter;

    GatewayFeedsHealthIndicator(DeltaPoller poller, FeedCursors cursors, GatewayProperties properties,
                                Optional<Clock> clock) {
        this.stalledAfter = properties.stalledAfter();
        this.poller = poller;
        this.cursors = cursors;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean behind = false;
        Map<String, DeltaPoller.FeedStatus> lastPolls = poller.status();
        for (Feed feed : poller.feeds()) {
            Map<String, Object> details = new LinkedHashMap<>();
            Optional<Instant> cursor = cursors.cursor(feed);
            cursor.ifPresent(position -> details.put("cursor", position.toString()));
            Duration age = cursor.map(position -> Duration.between(position, clock.instant())).orElse(Duration.ZERO);
            details.put("cursorAge", age.toString());
            if (age.compareTo(properties.retentionWarning()) > 0) {
                behind = true;
                details.put("problem", "cursor is older than " + properties.retentionWarning()
                        + "; the gateway deletes data after 7 days");
            }
            Optional<String> gap = cursors.gap(feed);
            if (gap.isPresent()) {
                behind = true;
                details.put("gap", gap.get() + " (clear it with an initial load)");
            }
            DeltaPoller.FeedStatus last = lastPolls.get(feed.name());
            if (last != null) {
                details.put("lastPoll", last.at().toString());
                if (last.error() != null) {
                    details.put("lastError", last.error());
                }
                if (last.failingSince() != null
                        && Duration.between(last.failingSince(), clock.instant()).compareTo(stalledAfter) >= 0) {
                    behind = true;
                    details.put("problem", "the feed cannot advance: every poll since " + last.failingSince()
                            + " failed");
                }
            }
            builder.withDetail(feed.name(), details);
        }
        if (behind) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
