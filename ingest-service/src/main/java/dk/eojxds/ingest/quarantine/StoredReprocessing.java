package dk.eojxds.ingest.quarantine;

import dk.eojxds.handover.Priority;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.feed.Feeds;
import dk.eojxds.ingest.gateway.GatewayPage;
import dk.eojxds.ingest.store.Batch;
import dk.eojxds.ingest.store.IngestCommit;
import dk.eojxds.ingest.validation.EntryOutcome;
import dk.eojxds.ingest.validation.PageReader;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-processing through the same reader, validation and version-aware upsert as the delta path:
 * a payload that passes is stored, and an older version still never overwrites a newer one.
 */
@Component
class StoredReprocessing implements Reprocessing {

    private final Feeds feeds;
    private final PageReader reader;
    private final IngestCommit commit;

    StoredReprocessing(Feeds feeds, PageReader reader, IngestCommit commit) {
        this.feeds = feeds;
        this.reader = reader;
        this.commit = commit;
    }

    @Override
    @Transactional
    public List<String> reprocess(String feedName, String resourceType, String resourceId, String rawPayload) {
        Feed feed = feeds.of(feedName, resourceType).orElse(null);
        if (feed == null) {
            if (Feeds.INITIAL_LOAD.equals(feedName)) {
                return List.of("initial-load-type: " + resourceType + " is not loadable");
            }
            throw new IllegalArgumentException("unknown feed " + feedName);
        }
        EntryOutcome outcome = reader.read(reader.reader(feed.family()), feed,
                new GatewayPage.RawEntry(resourceType, resourceId, null, rawPayload));
        if (outcome.rejected() != null) {
            return outcome.rejected().reasons();
        }
        commit.commit(new Batch("reprocessed", Priority.BACKLOG).add(feed, outcome));
        return List.of();
    }

}
