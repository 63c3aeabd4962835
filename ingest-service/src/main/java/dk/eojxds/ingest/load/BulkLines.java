package dk.eojxds.ingest.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.eojxds.handover.ChangeQueue;
import dk.eojxds.handover.Priority;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.feed.Feeds;
import dk.eojxds.ingest.gateway.GatewayPage;
import dk.eojxds.ingest.store.Batch;
import dk.eojxds.ingest.store.FeedCursors;
import dk.eojxds.ingest.store.IngestCommit;
import dk.eojxds.ingest.validation.PageReader;
import dk.eojxds.ingest.validation.RejectedResource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a batch of NDJSON lines from an initial load through the same readers, validation,
 * quarantine and version-aware upsert as the delta path, so that a load and deltas arriving
 * meanwhile can interleave in any order without an older version winning. The family follows
 * from the resource type: Observation (TELMA), QuestionnaireResponse (K-PRO), Bundle
 * (FSIII DeliveryReport).
 */
@Component
public class BulkLines {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkLines.class);

    private final PageReader reader;
    private final IngestCommit commit;
    private final FeedCursors cursors;
    private final ChangeQueue changes;
    private final ObjectMapper json = new ObjectMapper();

    BulkLines(PageReader reader, IngestCommit commit, FeedCursors cursors, ChangeQueue changes) {
        this.changes = changes;
        this.reader = reader;
        this.commit = commit;
        this.cursors = cursors;
    }

    /** How a batch went. */
    public record Outcome(int resources, int quarantined) {
    }

    /** Stores the lines; runs inside the caller's transaction, which also records the file position. */
    @Transactional
    public Outcome store(String source, List<String> lines) {
        // held: built only when the whole load is in (loadCompleted), as backlog
        Batch batch = new Batch(source, Priority.HELD);
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            GatewayPage.RawEntry entry = entry(line);
            if (entry == null) {
                batch.reject(Feeds.INITIAL_LOAD_QUARANTINE,
                        new RejectedResource(null, null, List.of("json: the line is not a JSON object"), line));
                continue;
            }
            Feed feed = entry.resourceType() == null ? null : Feeds.initialLoad(entry.resourceType()).orElse(null);
            if (feed == null) {
                batch.reject(Feeds.INITIAL_LOAD_QUARANTINE, new RejectedResource(entry.resourceType(), entry.id(), List.of("initial-load-type: "
                        + entry.resourceType() + " is not loadable; load Observation, QuestionnaireResponse or "
                        + "FSIII DeliveryReport bundles"), line));
                continue;
            }
            batch.add(feed, reader.read(reader.reader(feed.family()), feed, entry), Feeds.INITIAL_LOAD_QUARANTINE);
        }
        return new Outcome(commit.commit(batch).stored(), batch.allRejected().size());
    }

    private GatewayPage.RawEntry entry(String line) {
        try {
            JsonNode node = json.readTree(line);
            if (node == null || !node.isObject()) {
                return null;
            }
            String updated = node.path("meta").path("lastUpdated").asText(null);
            return new GatewayPage.RawEntry(node.path("resourceType").asText(null), node.path("id").asText(null),
                    updated == null ? null : OffsetDateTime.parse(updated).toInstant(), line);
        } catch (Exception e) {
            return null;
        }
    }

    /** Clears the gap markers a completed load has filled. */
    public void loadCompleted(Instant startedAt) {
        cursors.clearGaps(startedAt);
        // what the load raised is complete now: built once, as backlog
        int released = changes.release();
        log.info("Initial load complete: {} documents to build", released);
    }
}
