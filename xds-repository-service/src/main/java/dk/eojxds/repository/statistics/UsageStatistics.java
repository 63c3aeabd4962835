package dk.eojxds.repository.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The programme's measures, computed from the retrieve audit: citizens whose data was read,
 * emergency departments and GP practices that looked something up (by the SOR reference data
 * operators load), and look-ups per month per municipality of the data.
 */
@Component
class UsageStatistics {

    private final JdbcClient jdbc;

    UsageStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Map<String, Object>> citizensPerMonth(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT to_char(date_trunc('month', at AT TIME ZONE 'Europe/Copenhagen'), 'YYYY-MM') AS month,
                               family, count(DISTINCT citizen_cpr) AS citizens
                        FROM repository.retrieve_audit
                        WHERE outcome = 'RETRIEVED' AND at >= ?::date AND at < ?::date + 1
                        GROUP BY 1, 2 ORDER BY 1, 2""")
                .param(from.toString()).param(to.toString()).query().listOfRows();
    }

    /** Units of the given kind with at least one look-up, with their first and number of look-ups. */
    List<Map<String, Object>> unitsWithLookups(String kind, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT u.sor_code, u.name, count(DISTINCT a.request_id) AS lookups, min(a.at) AS first_lookup
                        FROM repository.retrieve_audit a JOIN repository.sor_unit u ON u.sor_code = a.user_organisation_sor
                        WHERE a.outcome = 'RETRIEVED' AND u.kind = ? AND a.at >= ?::date AND a.at < ?::date + 1
                        GROUP BY 1, 2 ORDER BY 2""")
                .param(kind).param(from.toString()).param(to.toString()).query().listOfRows();
    }

    List<Map<String, Object>> lookupsPerMunicipality(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT to_char(date_trunc('month', a.at AT TIME ZONE 'Europe/Copenhagen'), 'YYYY-MM') AS month,
                               a.data_municipality_sor AS municipality_sor,
                               coalesce(u.name, a.data_municipality_sor) AS municipality,
                               count(DISTINCT a.request_id) AS lookups
                        FROM repository.retrieve_audit a
                        LEFT JOIN repository.sor_unit u ON u.sor_code = a.data_municipality_sor
                        WHERE a.outcome = 'RETRIEVED' AND a.at >= ?::date AND a.at < ?::date + 1
                        GROUP BY 1, 2, 3 ORDER BY 1, 4 DESC""")
                .param(from.toString()).param(to.toString()).query().listOfRows();
    }

    int loadUnits(List<String[]> rows) {
        int loaded = 0;
        for (String[] row : rows) {
            loaded += jdbc.sql("""
                            INSERT INTO repository.sor_unit (sor_code, kind, name) VALUES (?, ?, ?)
                            ON CONFLICT (sor_code) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, loaded_at = now()
                            """)
                    .param(row[0].trim()).param(row[1].trim()).param(row[2].trim()).update();
        }
        return loaded;
    }
}
