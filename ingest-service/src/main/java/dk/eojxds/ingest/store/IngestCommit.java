package dk.eojxds.ingest.store;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.validation.IngestedResource;
import dk.eojxds.ingest.validation.PageContent;
import dk.eojxds.ingest.validation.RejectedResource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path of ingest: a {@link Batch}'s resources (and the change rows they raise), its
 * quarantined items, its withheld resources and its cursors, all in one transaction, then counted
 * ({@code eojxds.ingest.resources{feed,outcome}}, {@code eojxds.ingest.quarantined}). A crash before
 * the commit loses nothing, because the cursor did not move either; a crash after it re-reads
 * nothing that was not already safe. Inside a caller's transaction (the initial load records its file
 * position in the same one) it joins that transaction.
 */
@Component
public class IngestCommit {

    private final ResourceWriter resources;
    private final QuarantineWriter quarantine;
    private final WithheldWriter withheld;
    private final FeedCursors cursors;
    private final MeterRegistry meters;

    IngestCommit(ResourceWriter resources, QuarantineWriter quarantine, WithheldWriter withheld, FeedCursors cursors,
                 MeterRegistry meters) {
        this.resources = resources;
        this.quarantine = quarantine;
        this.withheld = withheld;
        this.cursors = cursors;
        this.meters = meters;
    }

    /** A polled page, and the feed's cursor moved to {@code newCursor} (null: the cursor stays). */
    @Transactional
    public Upserted commit(Feed feed, PageContent page, Instant newCursor) {
        return commit(Batch.of(feed, page).moveCursor(feed, newCursor));
    }

    /** Only the feed's cursor, forward (a poll that read every page up to its ceiling). */
    @Transactional
    public void moveCursor(Feed feed, Instant position) {
        cursors.advance(feed, position);
    }

    @Transactional
    public Upserted commit(Batch batch) {
        Upserted upserted = Upserted.NOTHING;
        for (Map.Entry<Feed, List<IngestedResource>> accepted : batch.accepted().entrySet()) {
            Upserted stored = resources.upsert(accepted.getKey(), accepted.getValue(), batch.priority());
            count(accepted.getKey(), "stored", stored.stored());
            count(accepted.getKey(), "unchanged", accepted.getValue().size() - stored.stored());
            upserted = upserted.plus(stored);
        }
        for (Map.Entry<Feed, List<RejectedResource>> rejected : batch.rejected().entrySet()) {
            quarantine.write(rejected.getKey(), batch.position(), rejected.getValue());
            count(rejected.getKey(), "quarantined", rejected.getValue().size());
            QuarantineCount.count(meters, rejected.getKey(), rejected.getValue());
        }
        batch.withheld().forEach((feed, resources) -> {
            withheld.write(feed, resources);
            count(feed, "withheld", resources.size());
        });
        batch.cursors().forEach(cursors::advance);
        return upserted;
    }

    private void count(Feed feed, String outcome, int amount) {
        meters.counter("eojxds.ingest.resources", "feed", feed.name(), "outcome", outcome).increment(amount);
    }
}
