package dk.eojxds.ingest.quarantine;

import dk.eojxds.handover.TextArray;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class QuarantineRepository {

    private final JdbcClient jdbc;

    QuarantineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<QuarantineItem> list(String state, String feed, int limit, long afterId) {
        return jdbc.sql("""
                        SELECT * FROM ingest.quarantine
                        WHERE (CAST(? AS text) IS NULL OR state = ?) AND (CAST(? AS text) IS NULL OR feed = ?) AND id > ?
                        ORDER BY id LIMIT ?
                        """)
                .param(state).param(state).param(feed).param(feed).param(afterId).param(limit)
                .query((rs, i) -> item(rs, false)).list();
    }

    Optional<QuarantineItem> find(long id, boolean withPayload) {
        return jdbc.sql("SELECT * FROM ingest.quarantine WHERE id = ?").param(id)
                .query((rs, i) -> item(rs, withPayload)).optional();
    }

    Optional<QuarantineItem> lockOpen(long id) {
        return jdbc.sql("SELECT * FROM ingest.quarantine WHERE id = ? AND state = 'OPEN' FOR UPDATE")
                .param(id).query((rs, i) -> item(rs, true)).optional();
    }

    void resolve(long id, String state, String by, String note) {
        jdbc.sql("""
                        UPDATE ingest.quarantine SET state = ?, resolved_at = now(), resolved_by = ?, resolution_note = ?
                        WHERE id = ?
                        """)
                .param(state).param(by).param(note).param(id).update();
    }

    void updateReasons(long id, List<String> reasons) {
        jdbc.sql("UPDATE ingest.quarantine SET reasons = ?::text[] WHERE id = ?")
                .param(TextArray.literal(reasons)).param(id).update();
    }

    long countOpen() {
        return jdbc.sql("SELECT count(*) FROM ingest.quarantine WHERE state = 'OPEN'").query(Long.class).single();
    }

    private static QuarantineItem item(ResultSet rs, boolean withPayload) throws SQLException {
        return new QuarantineItem(rs.getLong("id"), rs.getString("feed"), rs.getString("family"),
                rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("position"),
                Arrays.asList((String[]) rs.getArray("reasons").getArray()), instant(rs, "first_seen_at"),
                instant(rs, "last_seen_at"), rs.getInt("times_seen"), rs.getString("state"),
                instant(rs, "resolved_at"), rs.getString("resolved_by"), rs.getString("resolution_note"),
                withPayload ? rs.getString("raw_payload") : null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
