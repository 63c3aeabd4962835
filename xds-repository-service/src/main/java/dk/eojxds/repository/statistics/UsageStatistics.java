package dk.eojxds.repository.statistics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's measures, by month (Europe/Copenhagen), computed from the retrieve audit:
 * citizens whose data was read, citizens who read their own, emergency departments and GP
 * practices that looked something up (by the SOR reference data operators load), and look-ups per
 * month per municipality of the data. Each figure is the monthly rollup ({@link UsageRollup}) plus
 * the audit rows newer than it, read in one repeatable-read transaction (one snapshot), so it is
 * exactly what the audit holds.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class UsageStatistics {

    // bound as a value, so that the planner sees how few audit rows are newer than the rollup
    private static final String ROLLED = "?";
    private static final String MONTH = UsageRollup.MONTH;

    private final JdbcClient jdbc;

    UsageStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Citizens whose data anyone retrieved, per month and family. */
    public List<Map<String, Object>> citizensPerMonth(YearMonth from, YearMonth to) {
        return citizens("ANYONE", "family", from, to);
    }

    /** Citizens (or relatives acting for them) who read their own data, per month, across families. */
    public List<Map<String, Object>> citizensReadingOwnData(YearMonth from, YearMonth to) {
        return citizens("CITIZEN", "'*'", from, to);
    }

    private List<Map<String, Object>> citizens(String viewer, String familyOfRow, YearMonth from, YearMonth to) {
        String onlyViewer = "CITIZEN".equals(viewer) ? "AND t.user_type = '" + UsageRollup.CITIZEN_VIEWER + "'" : "";
        String selectFamily = "CITIZEN".equals(viewer) ? "" : ", family";
        return jdbc.sql("""
                        WITH tail AS (
                            SELECT DISTINCT %1$s AS month, %2$s AS family, citizen_cpr
                            FROM repository.retrieve_audit t
                            WHERE outcome = 'RETRIEVED' AND at >= %3$s AND family IS NOT NULL AND citizen_cpr IS NOT NULL %4$s
                        ), counted AS (
                            SELECT month, family, citizens FROM repository.usage_citizen_count WHERE viewer = ?
                            UNION ALL
                            SELECT t.month, t.family, count(*) FROM tail t
                            WHERE NOT EXISTS (SELECT 1 FROM repository.usage_citizen_month c
                                              WHERE c.month = t.month AND c.viewer = ? AND c.family = t.family
                                                AND c.citizen_cpr = t.citizen_cpr)
                            GROUP BY 1, 2
                        )
                        SELECT to_char(month, 'YYYY-MM') AS month%5$s, sum(citizens)::bigint AS citizens
                        FROM counted WHERE month BETWEEN ? AND ?
                        GROUP BY 1%5$s ORDER BY 1%5$s""".formatted(MONTH, familyOfRow, ROLLED, onlyViewer, selectFamily))
                .param(rolledUntil()).param(viewer).param(viewer).param(first(from)).param(first(to)).query().listOfRows();
    }

    /** Units of the given kind with at least one look-up, with their first and number of look-ups. */
    public List<Map<String, Object>> unitsWithLookups(String kind, YearMonth from, YearMonth to) {
        return jdbc.sql("""
                        WITH tail AS (
                            SELECT %1$s AS month, user_organisation_sor AS organisation_sor,
                                   count(DISTINCT request_id) AS lookups, min(at) AS first_lookup
                            FROM repository.retrieve_audit
                            WHERE outcome = 'RETRIEVED' AND at >= %2$s AND user_organisation_sor IS NOT NULL
                            GROUP BY 1, 2
                        ), lookups AS (
                            SELECT month, organisation_sor, lookups, first_lookup FROM repository.usage_unit_month
                            UNION ALL
                            SELECT * FROM tail
                        ), per_unit AS (
                            SELECT organisation_sor, sum(lookups) AS lookups, min(first_lookup) AS first_lookup
                            FROM lookups WHERE month BETWEEN ? AND ? GROUP BY 1
                        )
                        SELECT u.sor_code, u.name, p.lookups::bigint AS lookups, p.first_lookup
                        FROM per_unit p JOIN repository.sor_unit u ON u.sor_code = p.organisation_sor
                        WHERE u.kind = ? ORDER BY 2""".formatted(MONTH, ROLLED))
                .param(rolledUntil()).param(first(from)).param(first(to)).param(kind).query().listOfRows();
    }

    /** Look-ups (requests that retrieved something) per month and municipality of the data, largest first. */
    public List<Map<String, Object>> lookupsPerMunicipality(YearMonth from, YearMonth to) {
        return jdbc.sql("""
                        WITH tail AS (
                            SELECT %1$s AS month, coalesce(data_municipality_sor, '') AS municipality_sor,
                                   count(DISTINCT request_id) AS lookups
                            FROM repository.retrieve_audit
                            WHERE outcome = 'RETRIEVED' AND at >= %2$s
                            GROUP BY 1, 2
                        ), lookups AS (
                            SELECT month, municipality_sor, lookups FROM repository.usage_municipality_month
                            UNION ALL
                            SELECT * FROM tail
                        )
                        SELECT to_char(l.month, 'YYYY-MM') AS month, nullif(l.municipality_sor, '') AS municipality_sor,
                               coalesce(m.name, u.name, nullif(l.municipality_sor, '')) AS municipality,
                               sum(l.lookups)::bigint AS lookups
                        FROM lookups l
                        LEFT JOIN repository.municipality m ON m.sor_code = l.municipality_sor
                        LEFT JOIN repository.sor_unit u ON u.sor_code = l.municipality_sor
                        WHERE l.month BETWEEN ? AND ?
                        GROUP BY 1, 2, 3 ORDER BY 1, 4 DESC, 3""".formatted(MONTH, ROLLED))
                .param(rolledUntil()).param(first(from)).param(first(to)).query().listOfRows();
    }

    private Timestamp rolledUntil() {
        return jdbc.sql("SELECT rolled_until FROM repository.usage_rollup").query(Timestamp.class).single();
    }

    private static LocalDate first(YearMonth month) {
        return month.atDay(1);
    }
}
