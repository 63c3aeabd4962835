package dk.eojxds.repository.statistics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls the retrieve audit up by month (repository V12), so that the programme's figures are read
 * from a few thousand rows however long the audit grows. Rows are rolled once they are older than
 * {@link #SETTLED}: an audit row's time is its transaction's start, and a transaction that started
 * earlier may still commit; the statistics count rows newer than the rolled-up point live from the
 * audit, so nothing is missed and nothing counted twice. Instances serialise on the rollup's one
 * row; each step covers at most a week of audit, so a first roll of years of audit is many short
 * transactions.
 */
@Component
public class UsageRollup {

    private static final Logger log = LoggerFactory.getLogger(UsageRollup.class);

    /** Well above the audit writer's longest wait for a commit (its callers give up after that). */
    static final Duration SETTLED = Duration.ofMinutes(5);
    private static final Duration STEP = Duration.ofDays(7);

    static final String MONTH = "date_trunc('month', at AT TIME ZONE 'Europe/Copenhagen')::date";
    static final String CITIZEN_VIEWER = "nsi:Citizen";

    private static final String ROLL = """
            WITH a AS (
                SELECT %1$s AS month, at, request_id, family, citizen_cpr, user_type, user_organisation_sor,
                       coalesce(data_municipality_sor, '') AS municipality_sor
                FROM repository.retrieve_audit
                WHERE outcome = 'RETRIEVED' AND at >= ? AND at < ?
            ), m AS (
                INSERT INTO repository.usage_municipality_month AS u (month, municipality_sor, lookups)
                SELECT month, municipality_sor, count(DISTINCT request_id) FROM a GROUP BY 1, 2
                ON CONFLICT (month, municipality_sor) DO UPDATE SET lookups = u.lookups + EXCLUDED.lookups
            ), o AS (
                INSERT INTO repository.usage_unit_month AS u (month, organisation_sor, lookups, first_lookup)
                SELECT month, user_organisation_sor, count(DISTINCT request_id), min(at) FROM a
                WHERE user_organisation_sor IS NOT NULL GROUP BY 1, 2
                ON CONFLICT (month, organisation_sor) DO UPDATE
                    SET lookups = u.lookups + EXCLUDED.lookups, first_lookup = least(u.first_lookup, EXCLUDED.first_lookup)
            ), c AS (
                INSERT INTO repository.usage_citizen_month (month, viewer, family, citizen_cpr)
                SELECT DISTINCT month, 'ANYONE', family, citizen_cpr FROM a
                WHERE family IS NOT NULL AND citizen_cpr IS NOT NULL
                UNION
                SELECT DISTINCT month, 'CITIZEN', '*', citizen_cpr FROM a
                WHERE user_type = '%2$s' AND citizen_cpr IS NOT NULL
                ON CONFLICT DO NOTHING
                RETURNING month, viewer, family
            ), n AS (
                INSERT INTO repository.usage_citizen_count AS u (month, viewer, family, citizens)
                SELECT month, viewer, family, count(*) FROM c GROUP BY 1, 2, 3
                ON CONFLICT (month, viewer, family) DO UPDATE SET citizens = u.citizens + EXCLUDED.citizens
            )
            UPDATE repository.usage_rollup SET rolled_until = ?""".formatted(MONTH, CITIZEN_VIEWER);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Timer timer;

    UsageRollup(JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.timer = Timer.builder("eojxds.repository.statistics.rollup")
                .description("rolling the retrieve audit up by month").register(meters);
    }

    // scheduled by RollupSchedule
    void rollSettled() {
        try {
            timer.record(() -> rollUntil(Instant.now().minus(SETTLED)));
        } catch (RuntimeException e) {
            // the next run tries again; the figures stay exact meanwhile (the tail is counted live)
            log.error("Could not roll up the retrieve audit", e);
        }
    }

    /** Rolls every audit row older than {@code until} into the monthly tables; answers the steps taken. */
    public int rollUntil(Instant until) {
        // PostgreSQL keeps microseconds: a finer bound would never be reached, and the loop never end
        Instant bound = until.truncatedTo(ChronoUnit.MICROS);
        int steps = 0;
        while (Boolean.TRUE.equals(transactions.execute(status -> step(bound)))) {
            steps++;
        }
        return steps;
    }

    // one step in one transaction; false when there was nothing (more) to roll
    private boolean step(Instant until) {
        Timestamp rolled = jdbc.sql("SELECT rolled_until FROM repository.usage_rollup FOR UPDATE")
                .query(Timestamp.class).single();
        Instant from = rolled.getTime() == PG_MINUS_INFINITY ? oldestAudit(until) : rolled.toInstant();
        if (from == null || !from.isBefore(until)) {
            return false;
        }
        Instant to = from.plus(STEP).isBefore(until) ? from.plus(STEP) : until;
        jdbc.sql(ROLL).param(Timestamp.from(from)).param(Timestamp.from(to)).param(Timestamp.from(to)).update();
        return true;
    }

    // PostgreSQL's -infinity as the JDBC driver maps it
    private static final long PG_MINUS_INFINITY = org.postgresql.PGStatement.DATE_NEGATIVE_INFINITY;

    private Instant oldestAudit(Instant until) {
        // an empty audit has no oldest row: nothing to roll yet
        Timestamp oldest = jdbc.sql("SELECT min(at) FROM repository.retrieve_audit")
                .query((rs, row) -> rs.getTimestamp(1)).list().get(0);
        return oldest == null ? until : oldest.toInstant();
    }
}
