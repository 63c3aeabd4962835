package dk.eojxds.repository.audit;

import dk.eojxds.repository.security.CallerIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only record of every retrieve (IHE ATNA style), from which the statistics are made.
 * A retrieve's documents are normally recorded by the statement that looks them up (see
 * {@code StoredDocuments.findRecorded}: one round trip, one commit); this class records refusals
 * and the documents that were never looked up.
 */
@Component
public class AuditTrail {

    /** The columns of an audit row, in the order {@link #bindCaller} and the row values expect. */
    public static final String COLUMNS = """
            request_id, outcome, reason, caller_verified, caller_system, caller_organisation_id,
            caller_organisation_name, card_type, user_role, user_organisation_sor, user_type, security_level,
            remote_address, document_unique_id, family, citizen_cpr, data_municipality_sor""";

    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    AuditTrail(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /** One retrieve request: its id (shared by its rows), who asked, and from where. */
    public record Retrieval(UUID requestId, CallerIdentity caller, String remoteAddress) {
    }

    /** One requested document and what became of it. */
    public record AuditedDocument(String uniqueId, String outcome, String family, String citizenCpr,
                                  String municipalitySor) {
    }

    public void retrieved(Retrieval retrieval, List<AuditedDocument> documents) {
        for (AuditedDocument document : documents) {
            insert(retrieval, document.outcome(), null, document);
        }
    }

    public void refused(String reason, String remoteAddress) {
        insert(new Retrieval(UUID.randomUUID(), CallerIdentity.unverified(), remoteAddress), "REFUSED", reason,
                new AuditedDocument(null, "REFUSED", null, null, null));
    }

    /** Counts rows written elsewhere (by the look-up statement), as {@link #retrieved} counts its own. */
    public void counted(String outcome, int rows) {
        meters.counter("eojxds.repository.audit", "outcome", outcome).increment(rows);
    }

    /** Binds the caller's ten columns (caller_verified to remote_address). */
    public static JdbcClient.StatementSpec bindCaller(JdbcClient.StatementSpec statement, Retrieval retrieval) {
        CallerIdentity caller = retrieval.caller();
        return statement.param(caller.verified()).param(caller.itSystem()).param(caller.organisationId())
                .param(caller.organisationName()).param(caller.cardType()).param(caller.userRole())
                .param(caller.userOrganisationSor()).param(caller.userType()).param(caller.level())
                .param(retrieval.remoteAddress());
    }

    private void insert(Retrieval retrieval, String outcome, String reason, AuditedDocument document) {
        JdbcClient.StatementSpec statement = jdbc.sql("INSERT INTO repository.retrieve_audit (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(retrieval.requestId()).param(outcome).param(reason);
        bindCaller(statement, retrieval).param(document.uniqueId()).param(document.family())
                .param(document.citizenCpr()).param(document.municipalitySor()).update();
        counted(outcome, 1);
    }
}
