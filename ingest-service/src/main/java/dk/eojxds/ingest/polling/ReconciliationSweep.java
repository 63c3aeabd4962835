package dk.eojxds.ingest.polling;

import dk.eojxds.handover.WorkerThreads;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.feed.GatewayProperties;
import dk.eojxds.ingest.gateway.GatewayClient;
import dk.eojxds.ingest.gateway.GatewayPage;
import dk.eojxds.ingest.gateway.UnreadablePageException;
import dk.eojxds.ingest.store.IngestCommit;
import dk.eojxds.ingest.store.Upserted;
import dk.eojxds.ingest.validation.PageContent;
import dk.eojxds.ingest.validation.PageReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The repair for late commits: now and then (every {@code eojxds.fkg.reconcile-interval}, 15
 * minutes) each feed is read again over a long window ({@code eojxds.fkg.reconcile-window}, 6
 * hours) without moving its cursor. What the polls already stored is unchanged by the
 * version-aware upsert; what the gateway committed later than the safety window, and the polls
 * therefore passed by, is stored now, counted and logged as a late commit ({@link CommitLag}). So
 * the safety window governs freshness, and this window correctness. A feed being polled is
 * skipped this round (its lease is taken). A page it cannot read is read around, not stopped at
 * ({@link UnreadableWindows#readAround}).
 */
@Component
class ReconciliationSweep {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSweep.class);

    private final DeltaPoller poller;
    private final GatewayClient gateway;
    private final PageReader reader;
    private final IngestCommit commit;
    private final FeedLease lease;
    private final UnreadableWindows unreadable;
    private final CommitLag lag;
    private final GatewayProperties properties;
    private final Clock clock;
    private final Duration window;

    ReconciliationSweep(DeltaPoller poller, GatewayClient gateway, PageReader reader, IngestCommit commit,
                        FeedLease lease, UnreadableWindows unreadable, CommitLag lag, GatewayProperties properties,
                        Optional<Clock> clock) {
        this.unreadable = unreadable;
        this.poller = poller;
        this.gateway = gateway;
        this.reader = reader;
        this.commit = commit;
        this.lease = lease;
        this.lag = lag;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
        this.window = properties.reconcileWindow();
    }

    // on a thread of its own: the scheduler thread that starts the polls is never held up by a sweep
    private final ExecutorService sweeper = WorkerThreads.single("reconciliation");
    private volatile Future<?> running;

    // every eojxds.fkg.reconcile-interval, first after one interval (PollSchedule)
    void scheduledSweep() {
        if (!properties.enabled() || (running != null && !running.isDone())) {
            return;
        }
        running = sweeper.submit(() -> {
            for (Feed feed : poller.feeds()) {
                try {
                    sweep(feed);
                } catch (RuntimeException e) {
                    log.error("Reconciliation of feed {} failed; it runs again at the next interval", feed.name(), e);
                }
            }
        });
    }

    /** Reads the feed's last {@code window} again; answers how many resources it stored (late commits). */
    int sweep(Feed feed) {
        Optional<FeedLease.Held> held = lease.tryAcquire(feed);
        if (held.isEmpty()) {
            return 0;
        }
        int stored = 0;
        CommitLag.Tally late = new CommitLag.Tally();
        try (FeedLease.Held ignored = held.get()) {
            int[] count = {0};
            Instant from = clock.instant().minus(window);
            // pages come in _lastUpdated order: everything before the newest stamp read so far is done
            Instant[] readUpTo = {from};
            Consumer<GatewayPage> store = page -> {
                PageContent content = reader.read(feed, page);
                Upserted upserted = commit.commit(feed, content, null);
                lag.record(feed, upserted.lagSeconds(), "reconciliation", CommitLag.ALL_LATE, late);
                count[0] += upserted.stored();
                if (content.newestLastUpdated() != null && content.newestLastUpdated().isAfter(readUpTo[0])) {
                    readUpTo[0] = content.newestLastUpdated();
                }
            };
            try {
                gateway.forEachPage(gateway.changedSince(feed, from), store);
            } catch (UnreadablePageException e) {
                // one page it cannot read must not leave the rest of the window unrepaired: read around it,
                // from where the readable pages got to (an hour past now: the gateway's clock may run ahead)
                unreadable.readAround(feed, readUpTo[0], clock.instant().plus(Duration.ofHours(1)), store);
            }
            stored = count[0];
        }
        lag.report(feed, late, "reconciliation");
        if (stored > 0) {
            log.warn("Reconciliation of feed {} stored {} resources the polls had passed by (late commits)",
                    feed.name(), stored);
        }
        return stored;
    }
}
