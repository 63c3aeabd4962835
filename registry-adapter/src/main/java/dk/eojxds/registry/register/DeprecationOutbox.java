package dk.eojxds.registry.register;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.DeterministicIds;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims withdrawn documents from xds-repository-service's published {@code deprecation_outbox}.
 * A document still waiting to be registered is not deprecated yet: it must be in the registry
 * (and Approved) first.
 */
@Repository
class DeprecationOutbox {

    private final JdbcClient jdbc;

    DeprecationOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed deprecation. */
    record PendingDeprecation(String uniqueId, String entryUuid, Cpr patient, String homeCommunityId, String reason,
                              int attempts) {
    }

    Optional<PendingDeprecation> claimNext() {
        return jdbc.sql("""
                        SELECT o.document_unique_id, d.entry_uuid, d.citizen_cpr, d.home_community_id, o.reason,
                               coalesce(r.attempts, 0) AS attempts
                        FROM repository.deprecation_outbox o
                        JOIN repository.document_metadata d ON d.unique_id = o.document_unique_id
                        LEFT JOIN registry.deprecation r ON r.document_unique_id = o.document_unique_id
                        WHERE (r.document_unique_id IS NULL OR (r.state = 'PENDING' AND r.next_attempt_at <= now()))
                          AND NOT EXISTS (SELECT 1 FROM repository.registration_outbox w
                                          WHERE w.document_unique_id = o.document_unique_id)
                        ORDER BY o.enqueued_at
                        LIMIT 1
                        FOR UPDATE OF o SKIP LOCKED
                        """)
                .query((rs, i) -> new PendingDeprecation(rs.getString(1), rs.getString(2), Cpr.of(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getInt(6)))
                .optional();
    }

    void deprecated(PendingDeprecation item) {
        record(item, "DEPRECATED", null, null);
        jdbc.sql("DELETE FROM repository.deprecation_outbox WHERE document_unique_id = ?").param(item.uniqueId()).update();
    }

    void retryLater(PendingDeprecation item, String error, Instant next) {
        record(item, "PENDING", error, next);
    }

    void park(PendingDeprecation item, String error) {
        record(item, "FAILED", error, null);
    }

    private void record(PendingDeprecation item, String state, String error, Instant next) {
        jdbc.sql("""
                        INSERT INTO registry.deprecation (document_unique_id, entry_uuid, submission_set_unique_id, state,
                            attempts, last_error, next_attempt_at, deprecated_at)
                        VALUES (?, ?, ?, ?, 1, ?, ?, CASE WHEN ? = 'DEPRECATED' THEN now() END)
                        ON CONFLICT (document_unique_id) DO UPDATE
                            SET state = EXCLUDED.state, attempts = registry.deprecation.attempts + 1,
                                last_error = EXCLUDED.last_error, next_attempt_at = EXCLUDED.next_attempt_at,
                                deprecated_at = EXCLUDED.deprecated_at
                        """)
                .param(item.uniqueId()).param(item.entryUuid()).param(submissionSetUniqueId(item.uniqueId()))
                .param(state).param(error).param(next == null ? null : Timestamp.from(next)).param(state)
                .update();
    }

    static String submissionSetUniqueId(String documentUniqueId) {
        return DeterministicIds.oid(DeterministicIds.uuid("deprecationSubmissionSet", documentUniqueId));
    }
}
