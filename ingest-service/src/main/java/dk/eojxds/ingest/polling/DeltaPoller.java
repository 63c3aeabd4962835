package dk.eojxds.ingest.polling;

import dk.eojxds.handover.WorkerThreads;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.feed.Feeds;
import dk.eojxds.ingest.feed.GatewayProperties;
import dk.eojxds.ingest.gateway.GatewayClient;
import dk.eojxds.ingest.gateway.GatewayPage;
import dk.eojxds.ingest.gateway.GatewayUnavailableException;
import dk.eojxds.ingest.gateway.UnreadablePageException;
import dk.eojxds.ingest.store.FeedCursors;
import dk.eojxds.ingest.store.IngestCommit;
import dk.eojxds.ingest.validation.PageContent;
import dk.eojxds.ingest.validation.PageReader;
import dk.eojxds.model.LogSafe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Polls every feed: reads all pages changed since the feed's cursor and commits them one by one.
 * <p>
 * After each page the cursor becomes the newest {@code meta.lastUpdated} seen, and after the last
 * page the poll's start minus the safety window, but never later than that: the gateway's
 * transactions commit out of timestamp order, so a resource stamped a moment ago may become
 * visible only later. The overlap is read again on the next poll
 * and de-duplicated by the version-aware upsert. Each feed is polled by one instance at a time
 * ({@link FeedLease}) and on a thread of its own, so a failing or hanging feed never stops or
 * delays the others. A next link already read in the same poll stops the poll (page loop), and a
 * poll longer than {@code eojxds.fkg.max-poll-duration} ends after its current page; either way
 * every page read is committed and the cursor stays where they left it.
 */
@Component
public class DeltaPoller {

    private static final Logger log = LoggerFactory.getLogger(DeltaPoller.class);

    private final GatewayClient gateway;
    private final PageReader reader;
    private final IngestCommit commit;
    private final FeedCursors cursors;
    private final FeedLease lease;
    private final GatewayProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Feeds feeds;
    private final Map<String, FeedStatus> status = new ConcurrentHashMap<>();
    private final ExecutorService prefetch = WorkerThreads.cached("gateway-prefetch");
    private final FeedThreads feedThreads = new FeedThreads();
    private final TailPoller tails;
    private final Duration maxPollDuration;
    private final CommitLag commitLag;
    private final UnreadableWindows unreadableWindows;
    private final Map<String, Instant> previousPoll = new ConcurrentHashMap<>();

    DeltaPoller(GatewayClient gateway, PageReader reader, IngestCommit commit, FeedCursors cursors, FeedLease lease,
                GatewayProperties properties, MeterRegistry meters, Optional<Clock> clock, CommitLag commitLag,
                UnreadableWindows unreadableWindows, Feeds registry, TailPoller tails) {
        this.unreadableWindows = unreadableWindows;
        this.maxPollDuration = properties.maxPollDuration();
        this.commitLag = commitLag;
        this.gateway = gateway;
        this.reader = reader;
        this.commit = commit;
        this.cursors = cursors;
        this.lease = lease;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock.orElse(Clock.systemUTC());
        this.feeds = registry;
        this.tails = tails;
        for (Feed feed : registry.polled()) {
            meters.gauge("eojxds.ingest.cursor.age", List.of(io.micrometer.core.instrument.Tag.of("feed", feed.name())),
                    this, poller -> poller.cursorAgeSeconds(feed));
        }
    }

    /** Polls end with the application: none is left to run against a closed connection pool. */
    @jakarta.annotation.PreDestroy
    void stop() {
        feedThreads.close();
        prefetch.shutdownNow();
    }

    List<Feed> feeds() {
        return feeds.polled();
    }

    Optional<Feed> feed(String name) {
        return feeds.polled(name);
    }

    // every eojxds.fkg.poll-interval (PollSchedule)
    void scheduledPoll() {
        if (properties.enabled()) {
            startDue();
        }
    }

    /** Polls one feed now, outside the schedule (operations, benchmarks); returns the pages read. */
    public int pollNow(String feedName) {
        Feed feed = feed(feedName).orElseThrow(() -> new IllegalArgumentException("unknown feed " + feedName));
        try (FeedLease.Held held = lease.tryAcquire(feed)
                .orElseThrow(() -> new IllegalStateException("feed " + feedName + " is being polled elsewhere"))) {
            return poll(feed);
        }
    }

    /** Polls every feed this instance can take the lease of, each on its own thread, and waits for them. */
    void pollAll() {
        for (Future<?> poll : startDue()) {
            try {
                poll.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // pollGuarded catches what a poll throws; nothing to add
            }
        }
    }

    /** Starts a poll of every feed that is due and not still being polled from an earlier round. */
    List<Future<?>> startDue() {
        List<Future<?>> started = new java.util.ArrayList<>();
        for (Feed feed : feeds.polled()) {
            if (due(feed)) {
                feedThreads.full(feed, () -> pollGuarded(feed)).ifPresent(started::add);
            }
        }
        return started;
    }

    /**
     * Between full polls, a tail poll ({@link TailPoller}) of each feed polled at the common
     * interval, once a full poll has seen it; feeds with an interval of their own are not hurried.
     */
    // every eojxds.fkg.tail-interval (PollSchedule)
    void scheduledTail() {
        if (properties.enabled() && properties.tailing()) {
            for (Feed feed : feeds.polled()) {
                if (feed.pollInterval() == null && tails.hasTip(feed)) {
                    feedThreads.tail(feed, () -> tails.tailGuarded(feed));
                }
            }
        }
    }

    private void pollGuarded(Feed feed) {
        try {
            Optional<FeedLease.Held> held = lease.tryAcquire(feed);
            if (held.isEmpty()) {
                return; // another instance polls this feed now
            }
            try (FeedLease.Held ignored = held.get()) {
                poll(feed);
            }
        } catch (RuntimeException e) {
            status.put(feed.name(), FeedStatus.failed(clock.instant(), e, status.get(feed.name())));
            meters.counter("eojxds.ingest.poll.failures", "feed", feed.name()).increment();
            log.error("Polling feed {} failed; it will be retried at the next poll", feed.name(), e);
        }
    }

    /** Reads and commits everything the gateway has changed since the feed's cursor. */
    int poll(Feed feed) {
        Instant now = clock.instant();
        Optional<Instant> stored = cursors.cursor(feed);
        // a first poll starts as far back as the gateway keeps data: no gap to report yet
        stored.ifPresent(position -> checkRetention(feed, position, now));
        Instant cursor = stored.orElseGet(() -> now.minus(properties.initialLookback()));
        Instant ceiling = now.minus(properties.safetyWindow());
        try {
            return pollPages(feed, now, cursor, ceiling);
        } catch (UnreadablePageException e) {
            // retried at the next polls; when it stays unreadable at the same place, it is narrowed down and skipped
            Instant at = cursors.cursor(feed).orElse(cursor);
            if (!unreadableWindows.failedOftenEnough(feed, at)) {
                throw e;
            }
            unreadableWindows.skip(feed, at, now.isAfter(at) ? now : at, e);
            status.put(feed.name(), FeedStatus.ok(clock.instant()));
            return 0;
        }
    }

    private int pollPages(Feed feed, Instant now, Instant cursor, Instant ceiling) {
        CommitLag.Tally late = new CommitLag.Tally();
        try {
            return pollPages(feed, now, cursor, ceiling, late);
        } finally {
            commitLag.report(feed, late, "poll");
            previousPoll.put(feed.name(), now);
        }
    }

    // seconds since the feed's previous poll began on this instance; null before the first
    private Double sincePreviousPoll(Feed feed) {
        Instant previous = previousPoll.get(feed.name());
        return previous == null ? null : Duration.between(previous, clock.instant()).toMillis() / 1000.0;
    }

    private int pollPages(Feed feed, Instant now, Instant cursor, Instant ceiling, CommitLag.Tally late) {
        Instant newest = cursor;
        int pages = 0;
        Set<String> seen = new HashSet<>();
        GatewayPage page = gateway.changedSince(feed, cursor);
        seen.add(page.selfUrl());
        while (page != null) {
            GatewayPage current = page;
            // a next link already read in this poll would go round for ever: this page is the last
            boolean loop = current.nextUrl() != null && !seen.add(current.nextUrl());
            // fetch the next page while this one is validated and committed
            CompletableFuture<Optional<GatewayPage>> next = loop
                    ? CompletableFuture.completedFuture(Optional.empty())
                    : CompletableFuture.supplyAsync(() -> gateway.nextPage(current), prefetch);
            Timer.Sample sample = Timer.start(meters);
            PageContent content = reader.read(feed, current);
            tails.seenUpTo(feed, content.newestLastUpdated());
            if (content.newestLastUpdated() != null && content.newestLastUpdated().isAfter(newest)) {
                newest = content.newestLastUpdated();
            }
            Instant newCursor = newest.isAfter(ceiling) ? ceiling : newest;
            commitLag.record(feed, commit.commit(feed, content, newCursor.isBefore(cursor) ? cursor : newCursor)
                    .lagSeconds(), "poll", commitLag.lateAfterPoll(sincePreviousPoll(feed)), late);
            sample.stop(meters.timer("eojxds.ingest.page", "feed", feed.name()));
            pages++;
            if (loop) {
                meters.counter("eojxds.ingest.page.loops", "feed", feed.name()).increment();
                throw new GatewayUnavailableException("page loop: the next link of page " + pages + " ("
                        + LogSafe.text(current.nextUrl()) + ") was already read in this poll; the pages before are "
                        + "stored, the cursor stays where they left it", null);
            }
            if (Duration.between(now, clock.instant()).compareTo(maxPollDuration) > 0) {
                // bounded: what was read is committed; the next poll goes on from the cursor
                awaitPage(next);
                log.warn("Feed {}: poll stopped after {} pages and {} (eojxds.fkg.max-poll-duration); the next poll "
                        + "continues from the cursor", feed.name(), pages, maxPollDuration);
                status.put(feed.name(), FeedStatus.ok(clock.instant()));
                return pages;
            }
            page = awaitPage(next);
        }
        // Every page was read: all that was committed before the poll began, up to the ceiling, is
        // stored, so the cursor may move to the ceiling even on a feed with nothing new (otherwise a
        // quiet feed would drift toward the retention limit).
        if (ceiling.isAfter(cursor)) {
            commit.moveCursor(feed, ceiling);
        }
        // what was stamped before this poll began and was not visible to it commits late: the
        // full polls find it; the tails look from here on
        tails.seenUpTo(feed, now.minus(properties.tailInterval()));
        status.put(feed.name(), FeedStatus.ok(clock.instant()));
        log.debug("Feed {} polled: {} pages since {}", feed.name(), pages, cursor);
        return pages;
    }

    // A feed with its own, longer interval waits until that much time has passed since its last poll.
    private boolean due(Feed feed) {
        FeedStatus last = status.get(feed.name());
        return feed.pollInterval() == null || last == null
                || !clock.instant().isBefore(last.at().plus(feed.pollInterval()));
    }

    private static GatewayPage awaitPage(CompletableFuture<Optional<GatewayPage>> next) {
        try {
            return next.join().orElse(null);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    // Past the gateway's retention, deltas are gone: say so loudly and keep saying it until an
    // initial load has filled the gap.
    private void checkRetention(Feed feed, Instant cursor, Instant now) {
        Duration age = Duration.between(cursor, now);
        if (age.compareTo(properties.retention()) > 0) {
            String detail = "cursor " + cursor + " is " + age.toHours() + " h old; the gateway keeps "
                    + properties.retention().toDays() + " days, so deltas between them may be lost";
            if (cursors.markGap(feed, now, detail)) {
                log.error("Feed {} has a gap: {}. Run an initial load to fill it.", feed.name(), detail);
                meters.counter("eojxds.ingest.gaps", "feed", feed.name()).increment();
            }
        }
    }

    private double cursorAgeSeconds(Feed feed) {
        try {
            return cursors.cursor(feed).map(c -> (double) Duration.between(c, clock.instant()).toSeconds())
                    .orElse(0.0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    Map<String, FeedStatus> status() {
        return Map.copyOf(status);
    }

    /**
     * The outcome of a feed's last poll, for health: when, the error if it failed, and since when
     * its polls have failed without a success in between (null after a success).
     */
    record FeedStatus(Instant at, String error, Instant failingSince) {

        static FeedStatus ok(Instant at) {
            return new FeedStatus(at, null, null);
        }

        static FeedStatus failed(Instant at, Exception e, FeedStatus previous) {
            Instant since = previous != null && previous.failingSince() != null ? previous.failingSince() : at;
            return new FeedStatus(at, e.getClass().getSimpleName() + ": " + e.getMessage(), since);
        }
    }
}
