package dk.eojxds.repository.audit;

import dk.eojxds.dgws.CallerIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The append-only record of every retrieve (IHE ATNA style), from which the statistics are made.
 * Each method returns once its rows are committed (see {@link AuditWriter}); a retrieve whose
 * rows cannot be written fails rather than answer unaudited.
 */
@Component
public class AuditTrail {

    private final AuditWriter writer;
    private final MeterRegistry meters;

    AuditTrail(AuditWriter writer, MeterRegistry meters) {
        this.writer = writer;
        this.meters = meters;
    }

    /** One retrieve request: its id (shared by its rows), who asked, and from where. */
    public record Retrieval(UUID requestId, CallerIdentity caller, String remoteAddress) {
    }

    /** One requested document and what became of it. */
    public record AuditedDocument(String uniqueId, String outcome, String family, String citizenCpr,
                                  String municipalitySor) {
    }

    /** The audit writer of this instance: failed commits since start, the last one, and whether it is failing now. */
    public record WriterHealth(long failures, Instant lastFailure, boolean failing) {
    }

    public WriterHealth writerHealth() {
        return writer.health();
    }

    public void retrieved(Retrieval retrieval, List<AuditedDocument> documents) {
        writer.write(documents.stream().map(d -> row(retrieval, d.outcome(), null, d)).toList());
        documents.forEach(d -> meters.counter("eojxds.repository.audit", "outcome", d.outcome()).increment());
    }

    public void refused(String reason, String remoteAddress) {
        writer.write(List.of(row(new Retrieval(UUID.randomUUID(), CallerIdentity.unverified(), remoteAddress),
                "REFUSED", reason, new AuditedDocument(null, "REFUSED", null, null, null))));
        meters.counter("eojxds.repository.audit", "outcome", "REFUSED").increment();
    }

    private static AuditWriter.Row row(Retrieval retrieval, String outcome, String reason, AuditedDocument document) {
        CallerIdentity caller = retrieval.caller();
        return new AuditWriter.Row(retrieval.requestId().toString(), outcome, reason, caller.verified(),
                caller.itSystem(), caller.organisationId(), caller.organisationName(), caller.cardType(),
                caller.userRole(), caller.userOrganisationSor(), caller.userType(), caller.userSource(), caller.level(),
                retrieval.remoteAddress(), document.uniqueId(), document.family(), document.citizenCpr(),
                document.municipalitySor(), caller.userCpr(), caller.userName(), caller.userAuthorisationCode());
    }
}
