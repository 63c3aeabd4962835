package dk.eojxds.ingest.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.eojxds.handover.Priority;
import dk.eojxds.ingest.feed.Feeds;
import dk.eojxds.ingest.gateway.GatewayPage;
import dk.eojxds.ingest.gateway.PageSplitter;
import dk.eojxds.ingest.store.Batch;
import dk.eojxds.ingest.store.IngestCommit;
import dk.eojxds.ingest.validation.RejectedResource;
import dk.eojxds.ingest.validation.fsiii.FsiiiReportReader;
import dk.eojxds.model.LogSafe;
import java.io.IOException;
import java.time.Instant;
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
    private final IngestCommit commit;
    private final ObjectMapper json = new ObjectMapper();

    PushedReports(FsiiiReportReader reader, IngestCommit commit) {
        this.reader = reader;
        this.commit = commit;
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
        Batch batch = new Batch("push " + delivery.path("timestamp").asText(""), Priority.LIVE);
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
            batch.reject(Feeds.PUSH, new RejectedResource("Bundle", null, List.of("entry-resource: " + empty
                    + " entries of the delivery hold no report"), body));
        }
        for (GatewayPage.RawEntry report : asSent) {
            reports++;
            batch.add(Feeds.PUSH, reader.readReport(Feeds.PUSH, report.id(), report.json(), receivedAt));
        }
        int stored = commit.commit(batch).stored();
        List<RejectedResource> rejected = batch.allRejected();
        for (RejectedResource report : rejected) {
            log.warn("Pushed FSIII report {} quarantined: {}", LogSafe.text(report.resourceId()),
                    LogSafe.text(String.join("; ", report.reasons())));
        }
        return new Result(reports, stored, rejected, batch.withheldCount());
    }
}
