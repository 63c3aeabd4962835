package dk.eojxds.ingest.delta;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How late the gateway's commits arrive: for every resource stored (new, or newer than what was
 * stored), the seconds from its {@code meta.lastUpdated} to its being stored, as the histogram
 * {@code eojxds.ingest.commit.lag{feed}}. A resource later than 80 % of the safety window is a
 * late commit: counted ({@code eojxds.ingest.late.commits{feed, found_by}}) and logged at WARN, so
 * that a safety window too short for the gateway shows long before data could be missed; those
 * found only by the reconciliation sweep were later than the window itself.
 */
@Component
class CommitLag {

    private static final Logger log = LoggerFactory.getLogger(CommitLag.class);

    private final MeterRegistry meters;
    private final double warnAfterSeconds;
    private final double windowSeconds;
    // built once per feed, not once per page
    private final Map<String, DistributionSummary> byFeed = new ConcurrentHashMap<>();

    CommitLag(MeterRegistry meters, GatewayProperties properties) {
        this.meters = meters;
        this.windowSeconds = properties.safetyWindow().toMillis() / 1000.0;
        this.warnAfterSeconds = windowSeconds * 0.8;
    }

    void record(Feed feed, double[] lagSeconds, String foundBy) {
        DistributionSummary lags = byFeed.computeIfAbsent(feed.name(), name -> DistributionSummary
                .builder("eojxds.ingest.commit.lag").baseUnit("seconds")
                .description("seconds from a resource's meta.lastUpdated to its being stored")
                .tag("feed", name).publishPercentileHistogram().register(meters));
        int late = 0;
        double latest = 0;
        for (double lag : lagSeconds) {
            lags.record(Math.max(0, lag));
            if (lag > warnAfterSeconds) {
                late++;
                latest = Math.max(latest, lag);
            }
        }
        if (late > 0) {
            meters.counter("eojxds.ingest.late.commits", "feed", feed.name(), "found_by", foundBy).increment(late);
            log.warn("Feed {}: {} resources committed late by the gateway (up to {} s after their lastUpdated; "
                    + "safety window {} s), found by the {}", feed.name(), late, Math.round(latest),
                    Math.round(windowSeconds), foundBy);
        }
    }
}
