package dk.eojxds.ingest.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.eojxds.handover.ChangeQueue;
import dk.eojxds.handover.Priority;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.feed.Feeds;
import dk.eojxds.ingest.gateway.GatewayPage;
import dk.eojxds.ingest.store.IngestStore;
import dk.eojxds.ingest.validation.EntryOutcome;
import dk.eojxds.ingest.validation.IngestedResource;
import dk.eojxds.ingest.validation.PageReader;
import dk.eojxds.ingest.validation.RejectedResource;
import dk.eojxds.ingest.validation.WithheldResource;
import dk.eojxds.model.DataFamily;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
    private final IngestStore store;
    private final ChangeQueue changes;
    private final ObjectMapper json = new ObjectMapper();

    BulkLines(PageReader reader, IngestStore store, ChangeQueue changes) {
        this.changes = changes;
        this.reader = reader;
        this.store = store;
    }

    /** How a batch went. */
    public record Outcome(int resources, int quarantined) {
    }

    /** Stores the lines; runs inside the caller's transaction, which also records the file position. */
    @Transactional
    public Outcome store(String source, List<String> lines) {
        List<IngestedResource> telma = new ArrayList<>();
        List<IngestedResource> kpro = new ArrayList<>();
        List<IngestedResource> fsiii = new ArrayList<>();
        List<RejectedResource> rejected = new ArrayList<>();
        List<WithheldResource> withheld = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            GatewayPage.RawEntry entry = entry(line);
            if (entry == null) {
                rejected.add(new RejectedResource(null, null, List.of("json: the line is not a JSON object"), line));
                continue;
            }
            Feed feed = entry.resourceType() == null ? null : Feeds.initialLoad(entry.resourceType()).orElse(null);
            if (feed == null) {
                rejected.add(new RejectedResource(entry.resourceType(), entry.id(), List.of("initial-load-type: "
                        + entry.resourceType() + " is not loadable; load Observation, QuestionnaireResponse or "
                        + "FSIII DeliveryReport bundles"), line));
                continue;
            }
            EntryOutcome outcome = reader.read(reader.reader(feed.family()), feed, entry);
            (feed == Feeds.INITIAL_LOAD_TELMA ? telma : feed == Feeds.INITIAL_LOAD_KPRO ? kpro : fsiii)
                    .addAll(outcome.accepted());
            if (outcome.rejected() != null) {
                rejected.add(outcome.rejected());
            }
            withheld.addAll(outcome.withheld());
        }
        int stored = store.upsert(Feeds.INITIAL_LOAD_TELMA, telma, Priority.HELD).stored()
                + store.upsert(Feeds.INITIAL_LOAD_KPRO, kpro, Priority.HELD).stored()
                + store.upsert(Feeds.INITIAL_LOAD_FSIII, fsiii, Priority.HELD).stored();
        store.quarantine(Feeds.INITIAL_LOAD_QUARANTINE, source, rejected);
        store.withhold(Feeds.INITIAL_LOAD_FSIII, withheld);
        return new Outcome(stored, rejected.size());
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
        store.clearGaps(startedAt);
        // what the load raised is complete now: built once, as backlog
        int released = changes.release();
        log.info("Initial load complete: {} documents to build", released);
    }
}
