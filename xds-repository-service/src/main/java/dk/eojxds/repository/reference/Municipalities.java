package dk.eojxds.repository.reference;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The country's municipalities as reference data (repository V12): municipality code, name,
 * region and the SOR code their data names them by (missing until an operator has looked it up).
 */
@Component
public class Municipalities {

    private final JdbcClient jdbc;

    Municipalities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Municipality(int code, String name, String region, String sorCode) {
    }

    public List<Municipality> all() {
        return jdbc.sql("SELECT code, name, region, sor_code FROM repository.municipality ORDER BY name")
                .query((rs, row) -> new Municipality(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** For each SOR code the reference data holds: since when a municipality is known by it. */
    public Map<String, Instant> sorCodesKnownSince() {
        Map<String, Instant> since = new HashMap<>();
        jdbc.sql("SELECT sor_code, loaded_at FROM repository.municipality WHERE sor_code IS NOT NULL")
                .query(rs -> {
                    since.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        return since;
    }

    int load(List<Municipality> municipalities) {
        int loaded = 0;
        for (Municipality m : municipalities) {
            // a SOR code moves to the municipality that names it now
            jdbc.sql("UPDATE repository.municipality SET sor_code = NULL WHERE sor_code = ? AND code <> ?")
                    .param(m.sorCode()).param(m.code()).update();
            // loaded_at: since when the municipality is known by this SOR code (a reload keeps it)
            loaded += jdbc.sql("""
                            INSERT INTO repository.municipality AS m (code, name, region, sor_code) VALUES (?, ?, ?, ?)
                            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region,
                                sor_code = EXCLUDED.sor_code,
                                loaded_at = CASE WHEN m.sor_code IS NOT DISTINCT FROM EXCLUDED.sor_code
                                                 THEN m.loaded_at ELSE now() END""")
                    .param(m.code()).param(m.name()).param(m.region()).param(m.sorCode()).update();
        }
        return loaded;
    }
}
