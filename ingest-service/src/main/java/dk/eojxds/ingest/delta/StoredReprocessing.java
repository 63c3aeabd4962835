package dk.eojxds.ingest.delta;

import dk.eojxds.handover.Priority;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-processing through the same reader, validation and version-aware upsert as the delta path:
 * a payload that passes is stored, and an older version still never overwrites a newer one.
 */
@Component
class StoredReprocessing implements Reprocessing {

    private final DeltaPoller poller;
    private final PageReader reader;
    private final IngestStore store;

    StoredReprocessing(DeltaPoller poller, PageReader reader, IngestStore store) {
        this.poller = poller;
        this.reader = reader;
        this.store = store;
    }

    @Override
    @Transactional
    public List<String> reprocess(String feedName, String resourceType, String resourceId, String rawPayload) {
        Feed feed = BulkLines.FEED_NAME.equals(feedName) ? BulkLines.feedFor(resourceType) : feed(feedName);
        if (feed == null) {
            return List.of("initial-load-type: " + resourceType + " is not loadable");
        }
        EntryOutcome outcome = reader.read(reader.reader(feed.family()), feed,
                new GatewayPage.RawEntry(resourceType, resourceId, null, rawPayload));
        if (outcome.rejected() != null) {
            return outcome.rejected().reasons();
        }
        store.upsert(feed, outcome.accepted(), Priority.BACKLOG);
        return List.of();
    }

    private Feed feed(String name) {
        if (PushedReports.FEED_NAME.equals(name)) {
            return PushedReports.FEED;
        }
        return poller.feed(name).orElseThrow(() -> new IllegalArgumentException("unknown feed " + name));
    }


}
