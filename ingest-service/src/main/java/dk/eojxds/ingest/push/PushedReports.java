package dk.eojxds.ingest.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.eojxds.handover.Priority;
import dk.eojxds.ingest.feed.Feeds;
import dk.eojxds.ingest.gateway.GatewayPage;
import dk.eojxds.ingest.gateway.PageSplitter;
import dk.eojxds.ingest.store.IngestStore;
import dk.eojxds.ingest.store.QuarantineCount;
import dk.eojxds.ingest.validation.EntryOutcome;
import dk.eojxds.ingest.validation.IngestedResource;
import dk.eojxds.ingest.validation.RejectedResource;
import dk.eojxds.ingest.validation.WithheldResource;
import dk.eojxds.ingest.validation.fsiii.FsiiiReportReader;
import dk.eojxds.model.LogSafe;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * FSIII delivered by push: a CareIncrementalDelivery bundle (a collection of DeliveryReports).
 * Each report is validated and stored as a pulled one would be; invalid reports are quarantined
 * and the rest of the delivery still goes through.
 */
@Component
public class PushedReports {

    private static final Logger log = LoggerFactory.getLogger(PushedReports.class);


    private final FsiiiReportReader reader;
    private final IngestStore store;
    private final MeterRegistry meters;
    private final ObjectMapper json = new ObjectMapper();

    PushedReports(FsiiiReportReader reader, IngestStore store, MeterRegistry meters) {
        this.reader = reader;
        this.store = store;
        this.meters = meters;
    }

    /** What a delivery came to. */
    public record Result(int reports, int stored, List<RejectedResource> quarantined, int withheld) {
    }

    /** @throws IllegalArgumentException when the payload is not a CareIncrementalDelivery at all */
    @Transactional
    public Result accept(String body) {
        JsonNode delivery;
        try {
            delivery = json.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getMessage());
        }
        if (delivery == null || !"Bundle".equals(delivery.path("resourceType").asText())
                || !"collection".equals(delivery.path("type").asText())) {
            throw new IllegalArgumentException("a CareIncrementalDelivery is a Bundle of type collection");
        }
        List<IngestedResource> accepted = new ArrayList<>();
        List<RejectedResource> rejected = new ArrayList<>();
        List<WithheldResource> withheld = new ArrayList<>();
        int reports = 0;
        Instant receivedAt = Instant.now();
        // each report exactly as sent: a re-serialised tree would change decimals and order
        List<GatewayPage.RawEntry> asSent;
        try {
            asSent = PageSplitter.split(body, "push", false).entries();
        } catch (IOException e) {
            throw new IllegalArgumentException("the delivery cannot be split into its reports: " + e.getMessage());
        }
        int empty = delivery.path("entry").size() - asSent.size();
        if (empty > 0) {
            rejected.add(new RejectedResource("Bundle", null, List.of("entry-resource: " + empty
                    + " entries of the delivery hold no report"), body));
        }
        for (GatewayPage.RawEntry report : asSent) {
            reports++;
            EntryOutcome outcome = reader.readReport(Feeds.PUSH, report.id(), report.json(), receivedAt);
            accepted.addAll(outcome.accepted());
            withheld.addAll(outcome.withheld());
            if (outcome.rejected() != null) {
                rejected.add(outcome.rejected());
            }
        }
        int stored = store.upsert(Feeds.PUSH, accepted, Priority.LIVE).stored();
        store.quarantine(Feeds.PUSH, "push " + delivery.path("timestamp").asText(""), rejected);
        store.withhold(Feeds.PUSH, withheld);
        meters.counter("eojxds.ingest.resources", "feed", Feeds.PUSH.name(), "outcome", "stored").increment(stored);
        meters.counter("eojxds.ingest.resources", "feed", Feeds.PUSH.name(), "outcome", "quarantined").increment(rejected.size());
        QuarantineCount.count(meters, Feeds.PUSH, rejected);
        meters.counter("eojxds.ingest.resources", "feed", Feeds.PUSH.name(), "outcome", "withheld").increment(withheld.size());
        for (RejectedResource report : rejected) {
            log.warn("Pushed FSIII report {} quarantined: {}", LogSafe.text(report.resourceId()),
                    LogSafe.text(String.join("; ", report.reasons())));
        }
        return new Result(reports, stored, rejected, withheld.size());
    }
}
