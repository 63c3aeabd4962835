package dk.eojxds.ingest.store;

import dk.eojxds.handover.Priority;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.validation.PageContent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commits one page: its resources, the change rows they raise, its quarantined items and the
 * feed's new cursor, all in one transaction. A crash before the commit loses nothing, because
 * the cursor did not move either; a crash after it re-reads nothing that was not already safe.
 */
@Component
public class PageIngestor {

    private final IngestStore store;
    private final MeterRegistry meters;

    PageIngestor(IngestStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    /**
     * Commits the page and moves the cursor to {@code newCursor} (never back); with a null cursor
     * (the reconciliation sweep) the cursor stays. Answers the commit lags of what was stored.
     */
    @Transactional
    public IngestStore.Upserted commit(Feed feed, PageContent page, Instant newCursor) {
        IngestStore.Upserted upserted = store.upsert(feed, page.accepted(), Priority.LIVE);
        store.quarantine(feed, page.position(), page.rejected());
        store.withhold(feed, page.withheld());
        if (newCursor != null) {
            store.advanceCursor(feed, newCursor);
        }
        count(feed, "stored", upserted.stored());
        count(feed, "unchanged", page.accepted().size() - upserted.stored());
        count(feed, "quarantined", page.rejected().size());
        QuarantineCount.count(meters, feed, page.rejected());
        count(feed, "withheld", page.withheld().size());
        return upserted;
    }

    private void count(Feed feed, String outcome, int amount) {
        meters.counter("eojxds.ingest.resources", "feed", feed.name(), "outcome", outcome).increment(amount);
    }
}
