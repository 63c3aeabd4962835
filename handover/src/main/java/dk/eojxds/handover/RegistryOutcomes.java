package dk.eojxds.handover;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What was sent to the registry for an outbox's documents and how it answered, one row per
 * document in registry-adapter's schema: PENDING (retried at next_attempt_at), the done state, or
 * FAILED (parked for an operator). The outboxes' retry and park.
 */
final class RegistryOutcomes {

    static final String PENDING = "PENDING";
    static final String FAILED = "FAILED";

    private final JdbcClient jdbc;
    private final String doneState;
    private final String upsert;

    RegistryOutcomes(JdbcClient jdbc, String table, String doneState, String doneAt) {
        this.jdbc = jdbc;
        this.doneState = doneState;
        this.upsert = """
                INSERT INTO %1$s (document_unique_id, entry_uuid, submission_set_unique_id,
                    state, attempts, last_error, next_attempt_at, %2$s)
                VALUES (?, ?, ?, ?, 1, ?, ?, CASE WHEN ? = '%3$s' THEN now() END)
                ON CONFLICT (document_unique_id) DO UPDATE
                    SET state = EXCLUDED.state, attempts = %1$s.attempts + 1,
                        last_error = EXCLUDED.last_error, next_attempt_at = EXCLUDED.next_attempt_at,
                        %2$s = EXCLUDED.%2$s
                """.formatted(table, doneAt, doneState);
    }

    String doneState() {
        return doneState;
    }

    void record(String uniqueId, String entryUuid, String submissionSetUniqueId, String state, String error,
                Instant nextAttempt) {
        jdbc.sql(upsert)
                .param(uniqueId).param(entryUuid).param(submissionSetUniqueId)
                .param(state).param(error).param(nextAttempt == null ? null : Timestamp.from(nextAttempt)).param(state)
                .update();
    }
}
