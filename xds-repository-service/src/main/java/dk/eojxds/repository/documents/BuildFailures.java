package dk.eojxds.repository.documents;

import dk.eojxds.handover.Change;
import dk.eojxds.handover.SeriesKey;
import dk.eojxds.model.Cpr;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one owner of {@code repository.build_failure}: documents that could not be built, with the
 * reason and the kind ({@link BuildFailureKind}); for a transient failure the attempts so far and
 * when it is tried again ({@link BuildRetryProperties}: backoff doubling from {@code first} to
 * {@code max}; after {@code max-attempts} it waits for an operator like a data failure). A row goes
 * once the series is built.
 */
@Component
public class BuildFailures {

    private final JdbcClient jdbc;
    private final BuildRetryProperties retry;

    BuildFailures(JdbcClient jdbc, BuildRetryProperties retry) {
        this.jdbc = jdbc;
        this.retry = retry;
    }

    /** One kind's failures on the status page: how many, and since when the oldest. */
    public record Summary(String kind, long count, Instant oldest) {
    }

    /**
     * Records that the change's document could not be built; a transient failure counts its
     * attempts and is given its next try (none once {@code max-attempts} is reached).
     *
     * @return the attempts so far of this failure
     */
    int record(Change change, BuildFailureKind kind, String reason) {
        SeriesKey series = change.series();
        int attempts = jdbc.sql("""
                        INSERT INTO repository.build_failure (family, citizen_cpr, partition_key, revision, reason, kind)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (family, citizen_cpr, partition_key) DO UPDATE
                            SET revision = EXCLUDED.revision, reason = EXCLUDED.reason, failed_at = now(),
                                kind = EXCLUDED.kind,
                                attempts = CASE WHEN build_failure.kind = 'TRANSIENT' AND EXCLUDED.kind = 'TRANSIENT'
                                                THEN build_failure.attempts + 1 ELSE 1 END
                        RETURNING attempts""")
                .param(series.family()).param(series.citizenCpr()).param(series.partitionKey())
                .param(change.revision()).param(Cpr.maskAll(reason)).param(kind.name())
                .query(Integer.class).single();
        boolean again = kind == BuildFailureKind.TRANSIENT && attempts < retry.maxAttempts();
        jdbc.sql("""
                        UPDATE repository.build_failure SET retry_at = CASE WHEN ? THEN now() + make_interval(secs => ?) END
                        WHERE family = ? AND citizen_cpr = ? AND partition_key = ?""")
                .param(again).param(retry.backoff(attempts).toMillis() / 1000.0)
                .param(series.family()).param(series.citizenCpr()).param(series.partitionKey()).update();
        return attempts;
    }

    /** The series was built: its failure, if any, is gone. */
    void clear(SeriesKey series) {
        jdbc.sql("DELETE FROM repository.build_failure WHERE family = ? AND citizen_cpr = ? AND partition_key = ?")
                .param(series.family()).param(series.citizenCpr()).param(series.partitionKey()).update();
    }

    /**
     * Takes up to {@code max} transient failures whose retry is due, so that exactly one caller
     * (of any instance) requeues each: their retry time is cleared in the caller's transaction.
     */
    List<SeriesKey> takeDue(int max) {
        return jdbc.sql("""
                        UPDATE repository.build_failure f SET retry_at = NULL
                        FROM (SELECT family, citizen_cpr, partition_key FROM repository.build_failure
                              WHERE retry_at <= now() ORDER BY retry_at LIMIT ? FOR UPDATE SKIP LOCKED) due
                        WHERE f.family = due.family AND f.citizen_cpr = due.citizen_cpr
                          AND f.partition_key = due.partition_key
                        RETURNING f.family, f.citizen_cpr, f.partition_key""")
                .param(max)
                .query((rs, row) -> new SeriesKey(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    boolean exists(SeriesKey series) {
        return jdbc.sql("SELECT count(*) FROM repository.build_failure WHERE family = ? AND citizen_cpr = ? "
                        + "AND partition_key = ?").param(series.family()).param(series.citizenCpr())
                .param(series.partitionKey()).query(Integer.class).single() > 0;
    }

    /** Every failure for operators, the citizen masked. */
    List<Map<String, Object>> list() {
        return jdbc.sql("""
                SELECT family, substr(citizen_cpr, 1, 6) || '-****' AS citizen, partition_key, revision, kind, attempts,
                       retry_at, reason, failed_at
                FROM repository.build_failure ORDER BY failed_at""").query().listOfRows();
    }

    long count(BuildFailureKind kind) {
        return jdbc.sql("SELECT count(*) FROM repository.build_failure WHERE kind = ?").param(kind.name())
                .query(Long.class).single();
    }

    List<SeriesKey> series(BuildFailureKind kind) {
        return jdbc.sql("SELECT family, citizen_cpr, partition_key FROM repository.build_failure WHERE kind = ?")
                .param(kind.name())
                .query((rs, row) -> new SeriesKey(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * For the status page: data failures (parked: wait for a new change or an operator), transient
     * ones still to be tried again, transient ones given up on, and documents waiting for reference data.
     */
    public List<Summary> summary() {
        return jdbc.sql("""
                        SELECT CASE WHEN kind = 'TRANSIENT' AND retry_at IS NULL AND attempts >= ? THEN 'TRANSIENT_GIVEN_UP'
                                    ELSE kind END AS state, count(*), min(failed_at)
                        FROM repository.build_failure GROUP BY 1 ORDER BY 1""")
                .param(retry.maxAttempts())
                .query((rs, row) -> {
                    Timestamp oldest = rs.getTimestamp(3);
                    return new Summary(rs.getString(1), rs.getLong(2), oldest == null ? null : oldest.toInstant());
                }).list();
    }
}
