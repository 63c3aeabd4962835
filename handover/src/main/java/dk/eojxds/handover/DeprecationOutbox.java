package dk.eojxds.handover;

import dk.eojxds.model.Cpr;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The repository's deprecation outbox ({@code repository.deprecation_outbox}) and what
 * registry-adapter made of each item ({@code registry.deprecation}). A withdrawn document that
 * still waits to be registered is not deprecated yet: it must be in the registry (Approved) first.
 */
public final class DeprecationOutbox {

    private final JdbcClient jdbc;
    private final RegistryOutcomes outcomes;

    public DeprecationOutbox(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.outcomes = new RegistryOutcomes(this.jdbc, "registry.deprecation", "DEPRECATED", "deprecated_at");
    }

    /** A claimed deprecation. */
    public record PendingDeprecation(String uniqueId, String entryUuid, Cpr patient, String homeCommunityId,
                                     String reason, int attempts) {
    }

    /** Queues a withdrawn document's deprecation, in the caller's (withdrawing) transaction. */
    public void enqueue(String documentUniqueId, String reason) {
        jdbc.sql("""
                        INSERT INTO repository.deprecation_outbox (document_unique_id, reason) VALUES (?, ?)
                        ON CONFLICT (document_unique_id) DO NOTHING
                        """)
                .param(documentUniqueId).param(reason).update();
    }

    /** Claims up to {@code max} deprecations due, oldest first, locked until the transaction ends. */
    public List<PendingDeprecation> claim(int max) {
        UnreadableItems<PendingDeprecation> rows = new UnreadableItems<>((rs, i) -> new PendingDeprecation(
                rs.getString(1), rs.getString(2), Cpr.of(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getInt(6)));
        return rows.parkUnreadable(jdbc.sql("""
                        SELECT o.document_unique_id AS unique_id, d.entry_uuid, d.citizen_cpr, d.home_community_id, o.reason,
                               coalesce(r.attempts, 0) AS attempts
                        FROM repository.deprecation_outbox o
                        -- the outbox drives, its document and deprecation looked up by key (RegistrationOutbox.CLAIM)
                        CROSS JOIN LATERAL (SELECT * FROM repository.document_metadata m
                                            WHERE m.unique_id = o.document_unique_id OFFSET 0) d
                        LEFT JOIN LATERAL (SELECT * FROM registry.deprecation x
                                           WHERE x.document_unique_id = o.document_unique_id OFFSET 0) r ON true
                        WHERE (r.document_unique_id IS NULL OR (r.state = 'PENDING' AND r.next_attempt_at <= now()))
                          AND NOT EXISTS (SELECT 1 FROM repository.registration_outbox w
                                          WHERE w.document_unique_id = o.document_unique_id)
                        ORDER BY o.enqueued_at
                        LIMIT ?
                        FOR UPDATE OF o SKIP LOCKED
                        """)
                .param(max)
                .query(rows.mapper())
                .list(), outcomes, "deprecation");
    }

    /** The registry shows the document deprecated: recorded, and it leaves the outbox. */
    public void deprecated(PendingDeprecation item, String submissionSetUniqueId) {
        outcomes.record(item.uniqueId(), item.entryUuid(), submissionSetUniqueId, outcomes.doneState(), null, null);
        jdbc.sql("DELETE FROM repository.deprecation_outbox WHERE document_unique_id = ?").param(item.uniqueId()).update();
    }

    /** A transient failure: tried again from {@code next}. */
    public void retryLater(PendingDeprecation item, String submissionSetUniqueId, String error, Instant next) {
        outcomes.record(item.uniqueId(), item.entryUuid(), submissionSetUniqueId, RegistryOutcomes.PENDING, error, next);
    }

    /** A permanent error: parked until an operator retries it. */
    public void park(PendingDeprecation item, String submissionSetUniqueId, String error) {
        outcomes.record(item.uniqueId(), item.entryUuid(), submissionSetUniqueId, RegistryOutcomes.FAILED, error, null);
    }
}
