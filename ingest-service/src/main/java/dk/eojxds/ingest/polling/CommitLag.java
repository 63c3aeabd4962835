package dk.eojxds.ingest.polling;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.feed.GatewayProperties;
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
 * {@code eojxds.ingest.commit.lag{feed}}. That lag includes our own delays (a first poll, a
 * backlog after an outage), so a resource counts as a <em>late commit</em> only when it was not
 * yet visible to the feed's previous poll, which covered its {@code lastUpdated}, and by more than
 * 80 % of the safety window: counted ({@code eojxds.ingest.late.commits{feed, found_by}}) and
 * logged once per poll at WARN, so that a safety window too short for the gateway shows long
 * before data could be missed. Whatever the reconciliation sweep stores was passed by the polls:
 * all of it is late.
 */
@Component
class CommitLag {

    private static final Logger log = LoggerFactory.getLogger(CommitLag.class);

    private final MeterRegistry meters;
    private final double windowSeconds;
    // built once per feed, not once per page
    private final Map<String, DistributionSummary> byFeed = new ConcurrentHashMap<>();

    CommitLag(MeterRegistry meters, GatewayProperties properties) {
        this.meters = meters;
        this.windowSeconds = properties.safetyWindow().toMillis() / 1000.0;
    }

    /** The late commits one poll or sweep found so far. */
    static final class Tally {
        private int late;
        private double latest;
    }

    /** For the reconciliation sweep: whatever it stores was passed by the polls, so all of it is late. */
    static final double ALL_LATE = Double.NEGATIVE_INFINITY;

    /**
     * The lag beyond which a poll's resource is a late commit: more than 80 % of the safety window
     * after the feed's previous poll began ({@code sincePreviousPoll} seconds ago); none without a
     * previous poll, as its lags are our own backlog.
     */
    double lateAfterPoll(Double sincePreviousPoll) {
        return sincePreviousPoll == null ? Double.POSITIVE_INFINITY : sincePreviousPoll + windowSeconds * 0.8;
    }

    /** Records the lags of one committed page; those above {@code lateAfter} seconds are late commits. */
    void record(Feed feed, double[] lagSeconds, String foundBy, double lateAfter, Tally tally) {
        DistributionSummary lags = byFeed.computeIfAbsent(feed.name(), name -> DistributionSummary
                .builder("eojxds.ingest.commit.lag").baseUnit("seconds")
                .description("seconds from a resource's meta.lastUpdated to its being stored")
                .tag("feed", name).publishPercentileHistogram().register(meters));
        int late = 0;
        for (double lag : lagSeconds) {
            lags.record(Math.max(0, lag));
            if (lag > lateAfter) {
                late++;
                tally.latest = Math.max(tally.latest, lag);
            }
        }
        if (late > 0) {
            tally.late += late;
            meters.counter("eojxds.ingest.late.commits", "feed", feed.name(), "found_by", foundBy).increment(late);
        }
    }

    /** One WARN line for what a poll or sweep found late. */
    void report(Feed feed, Tally tally, String foundBy) {
        if (tally.late > 0) {
            log.warn("Feed {}: {} resources committed late by the gateway (up to {} s after their lastUpdated; "
                    + "safety window {} s), found by the {}", feed.name(), tally.late, Math.round(tally.latest),
                    Math.round(windowSeconds), foundBy);
        }
    }
}
