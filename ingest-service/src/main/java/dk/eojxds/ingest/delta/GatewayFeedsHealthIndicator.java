package dk.eojxds.ingest.delta;

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
 * days, so a feed that lags that far is about to lose data) or when a gap was recorded (it did
 * lose data; only an initial load clears it). Either needs an operator now. A failing
 * last poll is reported but is not DOWN by itself (the next poll retries).
 */
@Component
class GatewayFeedsHealthIndicator extends AbstractHealthIndicator {

    private final DeltaPoller poller;
    private final IngestStore store;
    private final GatewayProperties properties;
    private final Clock clock;

    GatewayFeedsHealthIndicator(DeltaPoller poller, IngestStore store, GatewayProperties properties,
                                Optional<Clock> clock) {
        this.poller = poller;
        this.store = store;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean behind = false;
        Map<String, DeltaPoller.FeedStatus> lastPolls = poller.status();
        for (Feed feed : poller.feeds()) {
            Map<String, Object> details = new LinkedHashMap<>();
            Optional<Instant> cursor = store.cursor(feed);
            cursor.ifPresent(position -> details.put("cursor", position.toString()));
            Duration age = cursor.map(position -> Duration.between(position, clock.instant())).orElse(Duration.ZERO);
            details.put("cursorAge", age.toString());
            if (age.compareTo(properties.retentionWarning()) > 0) {
                behind = true;
                details.put("problem", "cursor is older than " + properties.retentionWarning()
                        + "; the gateway deletes data after 7 days");
            }
            Optional<String> gap = store.gap(feed);
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
