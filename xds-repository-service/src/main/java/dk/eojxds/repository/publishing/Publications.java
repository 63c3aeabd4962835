package dk.eojxds.repository.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The publishing states and their history (repository V17), and the lock that keeps a change of
 * state and the documents being stored from passing each other: the build takes it shared for each
 * document it stores, a change of state takes it exclusively, so a change waits for the batches
 * in flight and the batches after it see the new state. One lock for all municipalities: a change
 * of state is rare and short, and one lock cannot deadlock with another.
 */
@Repository
class Publications {

    // pg_advisory_xact_lock's key: 'EOJP'
    private static final long LOCK_KEY = 0x454F4A50L;

    private final JdbcClient jdbc;

    Publications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One municipality's state for one family; a municipality nobody decided about is pending, unchanged since never. */
    record Publication(int municipalityCode, String family, PublishingState state, Instant changedAt, String changedBy,
                       String reason) {
    }

    /** A change of state as recorded. */
    record HistoryEntry(long id, int municipalityCode, String family, PublishingState oldState,
                        PublishingState newState, Instant changedAt, String changedBy, String reason) {
    }

    void lockShared() {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(?)").param(LOCK_KEY).query(rs -> { });
    }

    void lockExclusive() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK_KEY).query(rs -> { });
    }

    /**
     * The state of the municipality that the SOR code names, for one family: empty when no
     * municipality is known by that SOR code (the reference data does not map it).
     */
    Optional<PublishingState> stateOfAuthor(String authorSor, String family) {
        return jdbc.sql("""
                        SELECT coalesce(p.state, 'PENDING') FROM repository.municipality m
                        LEFT JOIN repository.publication p ON p.municipality_code = m.code AND p.family = ?
                        WHERE m.sor_code = ?""")
                .param(family).param(authorSor)
                .query((rs, i) -> PublishingState.valueOf(rs.getString(1))).optional();
    }

    /** Every recorded state (municipalities and families without a row are pending). */
    List<Publication> recorded() {
        return jdbc.sql("SELECT municipality_code, family, state, changed_at, changed_by, reason FROM repository.publication")
                .query((rs, i) -> publication(rs)).list();
    }

    Optional<Publication> recorded(int municipalityCode, String family) {
        return jdbc.sql("""
                        SELECT municipality_code, family, state, changed_at, changed_by, reason FROM repository.publication
                        WHERE municipality_code = ? AND family = ?""")
                .param(municipalityCode).param(family)
                .query((rs, i) -> publication(rs)).optional();
    }

    /** Records a change of state and its history entry (in the caller's transaction). */
    void record(int municipalityCode, String family, PublishingState old, PublishingState next, String principal,
                String reason) {
        jdbc.sql("""
                        INSERT INTO repository.publication (municipality_code, family, state, changed_at, changed_by, reason)
                        VALUES (?, ?, ?, now(), ?, ?)
                        ON CONFLICT (municipality_code, family) DO UPDATE SET state = EXCLUDED.state,
                            changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by, reason = EXCLUDED.reason""")
                .param(municipalityCode).param(family).param(next.name()).param(principal).param(reason).update();
        jdbc.sql("""
                        INSERT INTO repository.publication_history (municipality_code, family, old_state, new_state,
                            changed_by, reason)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .param(municipalityCode).param(family).param(old.name()).param(next.name()).param(principal).param(reason)
                .update();
    }

    /** The history, newest first; of one municipality when {@code municipalityCode} is given. */
    List<HistoryEntry> history(Integer municipalityCode, int limit) {
        return jdbc.sql("""
                        SELECT id, municipality_code, family, old_state, new_state, changed_at, changed_by, reason
                        FROM repository.publication_history
                        WHERE (?::smallint IS NULL OR municipality_code = ?::smallint)
                        ORDER BY id DESC LIMIT ?""")
                .param(municipalityCode).param(municipalityCode).param(limit)
                .query((rs, i) -> new HistoryEntry(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        PublishingState.valueOf(rs.getString(4)), PublishingState.valueOf(rs.getString(5)),
                        rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8)))
                .list();
    }

    private static Publication publication(ResultSet rs) throws SQLException {
        return new Publication(rs.getInt(1), rs.getString(2), PublishingState.valueOf(rs.getString(3)),
                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6));
    }
}
