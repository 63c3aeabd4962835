package dk.eojxds.repository.audit;

import dk.eojxds.repository.security.CallerIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The append-only record of every retrieve (IHE ATNA style), from which the statistics are made. */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    AuditTrail(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /** One requested document and what became of it. */
    public record AuditedDocument(String uniqueId, String outcome, String family, String citizenCpr,
                                  String municipalitySor) {
    }

    public void retrieved(CallerIdentity caller, String remoteAddress, List<AuditedDocument> documents) {
        UUID request = UUID.randomUUID();
        for (AuditedDocument document : documents) {
            insert(request, document.outcome(), null, caller, remoteAddress, document);
            meters.counter("eojxds.repository.audit", "outcome", document.outcome()).increment();
        }
    }

    public void refused(String reason, String remoteAddress) {
        insert(UUID.randomUUID(), "REFUSED", reason, CallerIdentity.unverified(), remoteAddress,
                new AuditedDocument(null, "REFUSED", null, null, null));
        meters.counter("eojxds.repository.audit", "outcome", "REFUSED").increment();
    }

    private void insert(UUID request, String outcome, String reason, CallerIdentity caller, String remoteAddress,
                        AuditedDocument document) {
        jdbc.sql("""
                        INSERT INTO repository.retrieve_audit (request_id, outcome, reason, caller_verified, caller_system,
                            caller_organisation_id, caller_organisation_name, card_type, user_role,
                            user_organisation_sor, user_type, security_level, remote_address, document_unique_id,
                            family, citizen_cpr, data_municipality_sor)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .param(request).param(outcome).param(reason).param(caller.verified()).param(caller.itSystem())
                .param(caller.organisationId()).param(caller.organisationName()).param(caller.cardType())
                .param(caller.userRole()).param(caller.userOrganisationSor()).param(caller.userType())
                .param(caller.level()).param(remoteAddress).param(document.uniqueId()).param(document.family())
                .param(document.citizenCpr()).param(document.municipalitySor())
                .update();
    }
}
