package dk.eojxds.ingest.polling;

import dk.eojxds.handover.Priority;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.feed.GatewayProperties;
import dk.eojxds.ingest.gateway.GatewayClient;
import dk.eojxds.ingest.gateway.GatewayPage;
import dk.eojxds.ingest.gateway.UnreadablePageException;
import dk.eojxds.ingest.store.Batch;
import dk.eojxds.ingest.store.IngestCommit;
import dk.eojxds.ingest.validation.PageContent;
import dk.eojxds.ingest.validation.PageReader;
import dk.eojxds.ingest.validation.RejectedResource;
import dk.eojxds.model.LogSafe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a feed does with a page it cannot read at all, once retrying has not helped: it narrows the
 * page down by {@code _lastUpdated} (halving the window from the cursor to the ceiling), storing
 * every readable window on the way, until the unreadable one is no wider than
 * {@code eojxds.fkg.unreadable-window}. That window is recorded as a gap — a quarantine item with
 * the raw answer, an ERROR log line and the counter {@code eojxds.ingest.unreadable.windows} — and
 * the cursor moves past it, so one bad page never stops a feed. What the window held is lost to
 * the feed and must come from the municipality or an initial load. The reconciliation sweep reads
 * around such a page the same way ({@link #readAround}), without a cursor.
 */
@Component
class UnreadableWindows {

    private static final Logger log = LoggerFactory.getLogger(UnreadableWindows.class);

    private final GatewayClient gateway;
    private final PageReader reader;
    private final IngestCommit commit;
    private final GatewayProperties properties;
    private final MeterRegistry meters;
    // per feed: where its polls keep failing on an unreadable page, and how often
    private final java.util.Map<String, Failing> failing = new java.util.concurrent.ConcurrentHashMap<>();

    private record Failing(Instant at, int polls) {
    }

    UnreadableWindows(GatewayClient gateway, PageReader reader, IngestCommit commit,
                      GatewayProperties properties, MeterRegistry meters) {
        this.gateway = gateway;
        this.reader = reader;
        this.commit = commit;
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * Counts one more poll of the feed failing on an unreadable page at cursor {@code at}; true when
     * that is {@code eojxds.fkg.unreadable-page-attempts} polls at the same place (the count then starts over).
     */
    boolean failedOftenEnough(Feed feed, Instant at) {
        Failing before = failing.get(feed.name());
        int polls = before != null && before.at().equals(at) ? before.polls() + 1 : 1;
        if (polls < properties.unreadablePageAttempts()) {
            failing.put(feed.name(), new Failing(at, polls));
            return false;
        }
        failing.remove(feed.name());
        return true;
    }

    /**
     * Skips the unreadable part of {@code [from, to)}; answers where the cursor stands afterwards.
     * {@code to} is the poll's start, not its ceiling: an unreadable page may lie inside the safety
     * window, and the cursor must pass it (late commits there are the reconciliation sweep's).
     */
    Instant skip(Feed feed, Instant from, Instant to, UnreadablePageException first) {
        Instant low = from;
        Instant high = to;
        UnreadablePageException unreadable = first;
        while (Duration.between(low, high).compareTo(properties.unreadableWindow()) > 0) {
            Instant middle = low.plus(Duration.between(low, high).dividedBy(2));
            try {
                readWindow(feed, low, middle);
                low = middle;
            } catch (UnreadablePageException e) {
                high = middle;
                unreadable = e;
            }
        }
        String detail = "unreadable-page: the gateway's answer for " + feed.name() + " resources last updated in ["
                + low + ", " + high + ") is not a readable Bundle (" + unreadable.getMessage() + "); the window is "
                + "skipped, what it held must be delivered again";
        commit.commit(new Batch("window [" + low + ", " + high + ") " + unreadable.url(), Priority.LIVE)
                .reject(feed, new RejectedResource("Bundle", null, List.of(detail), unreadable.body()))
                .moveCursor(feed, high));
        meters.counter("eojxds.ingest.unreadable.windows", "feed", feed.name()).increment();
        log.error("Feed {}: skipped the unreadable window [{}, {}) after {} polls failed on it; its raw answer is in "
                + "the quarantine", feed.name(), low, high, properties.unreadablePageAttempts(), unreadable);
        return high;
    }

    /**
     * For the reconciliation sweep, which must not stop at a page it cannot read: hands every
     * readable page of {@code [from, to)} to {@code each}. Around an unreadable page the window is
     * halved until the unreadable part is no wider than {@code eojxds.fkg.unreadable-window}, and
     * that part is passed over with a WARN line; the polls record it in the quarantine when they
     * meet it.
     */
    void readAround(Feed feed, Instant from, Instant to, Consumer<GatewayPage> each) {
        try {
            gateway.forEachPage(gateway.changedBetween(feed, from, to), each);
        } catch (UnreadablePageException e) {
            if (Duration.between(from, to).compareTo(properties.unreadableWindow()) <= 0) {
                log.warn("Feed {}: the reconciliation sweep passed over the unreadable window [{}, {}): {}",
                        feed.name(), from, to, e.getMessage());
                return;
            }
            Instant middle = from.plus(Duration.between(from, to).dividedBy(2));
            readAround(feed, from, middle, each);
            readAround(feed, middle, to, each);
        }
    }

    // Every page of [from, to), committed as it comes; the cursor ends at {@code to}.
    private void readWindow(Feed feed, Instant from, Instant to) {
        Instant[] newest = {from};
        gateway.forEachPage(gateway.changedBetween(feed, from, to), page -> {
            PageContent content = reader.read(feed, page);
            if (content.newestLastUpdated() != null && content.newestLastUpdated().isAfter(newest[0])) {
                newest[0] = content.newestLastUpdated().isAfter(to) ? to : content.newestLastUpdated();
            }
            commit.commit(feed, content, newest[0]);
        });
        commit.moveCursor(feed, to);
        log.info("Feed {}: window [{}, {}) read while narrowing down an unreadable page", feed.name(), from,
                LogSafe.text(to.toString()));
    }
}
