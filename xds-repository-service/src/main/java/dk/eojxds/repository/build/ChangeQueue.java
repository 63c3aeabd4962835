package dk.eojxds.repository.build;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pending changes ingest-service publishes in {@code ingest.change}. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so any number of repository instances share the work without
 * duplicates, and a crash simply releases the lock.
 */
@Repository
class ChangeQueue {

    private final JdbcClient jdbc;

    ChangeQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ClaimedChange> claimNext(java.util.Collection<String> families) {
        return jdbc.sql("""
                        SELECT family, citizen_cpr, partition_key, revision FROM ingest.change
                        WHERE family = ANY (?::text[]) AND processed_at IS NULL
                        ORDER BY changed_at
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED
                        """)
                .param("{" + String.join(",", families) + "}")
                .query((rs, i) -> new ClaimedChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    /** Claims one given change again (after a failed attempt rolled back), if nobody else holds it. */
    Optional<ClaimedChange> claim(ClaimedChange change) {
        return jdbc.sql("""
                        SELECT family, citizen_cpr, partition_key, revision FROM ingest.change
                        WHERE family = ? AND citizen_cpr = ? AND partition_key = ? AND processed_at IS NULL
                        FOR UPDATE SKIP LOCKED
                        """)
                .param(change.family()).param(change.citizenCpr()).param(change.partitionKey())
                .query((rs, i) -> new ClaimedChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    void markProcessed(ClaimedChange change) {
        jdbc.sql("""
                        UPDATE ingest.change SET processed_at = now()
                        WHERE family = ? AND citizen_cpr = ? AND partition_key = ? AND revision = ?
                        """)
                .param(change.family()).param(change.citizenCpr()).param(change.partitionKey())
                .param(change.revision())
                .update();
    }
}
