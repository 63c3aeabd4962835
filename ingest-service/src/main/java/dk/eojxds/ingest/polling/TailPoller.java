package dk.eojxds.ingest.polling;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.gateway.GatewayClient;
import dk.eojxds.ingest.store.IngestCommit;
import dk.eojxds.ingest.validation.PageContent;
import dk.eojxds.ingest.validation.PageReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The tail poll, between two full polls ({@link DeltaPoller} schedules both, one at a time per
 * feed): what is newer than the newest {@code meta.lastUpdated} this instance has seen of a feed
 * (its tip), read with one small search. It only adds: it stores through the same version-aware
 * upsert (the next full poll finds the same resources unchanged), never moves the cursor, and
 * reads no safety window; what the gateway commits late, stamped before the tip, is the full
 * polls' to find, as before. So a delta waits about a tail interval (a second) for its first read
 * instead of up to a whole poll interval.
 */
@Component
class TailPoller {

    private static final Logger log = LoggerFactory.getLogger(TailPoller.class);

    private final GatewayClient gateway;
    private final PageReader reader;
    private final IngestCommit commit;
    private final FeedLease lease;
    private final CommitLag commitLag;
    private final MeterRegistry meters;
    private final Map<String, Instant> tips = new ConcurrentHashMap<>();

    TailPoller(GatewayClient gateway, PageReader reader, IngestCommit commit, FeedLease lease, CommitLag commitLag,
               MeterRegistry meters) {
        this.gateway = gateway;
        this.reader = reader;
        this.commit = commit;
        this.lease = lease;
        this.commitLag = commitLag;
        this.meters = meters;
    }

    /** Moves the feed's tip forward to {@code newest} (never back); null is no news. */
    void seenUpTo(Feed feed, Instant newest) {
        if (newest != null) {
            tips.merge(feed.name(), newest, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Whether a full poll of this instance has seen the feed yet: no tail before that. */
    boolean hasTip(Feed feed) {
        return tips.containsKey(feed.name());
    }

    /** A tail poll of the feed under its lease; answers the pages read, 0 before any full poll. */
    int tailNow(Feed feed) {
        try (FeedLease.Held held = lease.tryAcquire(feed)
                .orElseThrow(() -> new IllegalStateException("feed " + feed.name() + " is being polled elsewhere"))) {
            return tail(feed);
        }
    }

    /** A scheduled tail poll: skipped when another instance holds the feed, failures only counted. */
    void tailGuarded(Feed feed) {
        try {
            Optional<FeedLease.Held> held = lease.tryAcquire(feed);
            if (held.isPresent()) {
                try (FeedLease.Held ignored = held.get()) {
                    tail(feed);
                }
            }
        } catch (RuntimeException e) {
            // the full polls report the feed's health and read the same again
            meters.counter("eojxds.ingest.tail.failures", "feed", feed.name()).increment();
            log.debug("Tail poll of feed {} failed; the next full poll reads the same", feed.name(), e);
        }
    }

    private int tail(Feed feed) {
        Instant tip = tips.get(feed.name());
        if (tip == null) {
            return 0;
        }
        CommitLag.Tally none = new CommitLag.Tally();
        int[] pages = {0};
        gateway.forEachPage(gateway.changedSince(feed, tip), page -> {
            Timer.Sample sample = Timer.start(meters);
            PageContent content = reader.read(feed, page);
            // the cursor stays (null); nothing a tail finds is a late commit
            commitLag.record(feed, commit.commit(feed, content, null).lagSeconds(), "tail",
                    Double.POSITIVE_INFINITY, none);
            seenUpTo(feed, content.newestLastUpdated());
            sample.stop(meters.timer("eojxds.ingest.page", "feed", feed.name()));
            pages[0]++;
        });
        return pages[0];
    }
}
