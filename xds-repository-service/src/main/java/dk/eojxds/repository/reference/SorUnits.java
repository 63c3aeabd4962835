package dk.eojxds.repository.reference;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOR units as reference data ({@code repository.sor_unit}): the kind of each unit the programme's
 * statistics count (emergency departments, general practices, municipalities, hospitals).
 */
@Component
public class SorUnits {

    static final Set<String> KINDS = Set.of("EMERGENCY_DEPARTMENT", "GENERAL_PRACTICE", "MUNICIPALITY", "HOSPITAL",
            "OTHER");

    private final JdbcClient jdbc;

    SorUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The units of a kind, by name (the denominator of "every emergency department"). */
    public List<Map<String, Object>> ofKind(String kind) {
        return jdbc.sql("SELECT sor_code, name FROM repository.sor_unit WHERE kind = ? ORDER BY name").param(kind)
                .query().listOfRows();
    }

    /** Adds or updates units from rows {@code sor;kind;name}; answers how many. */
    @Transactional
    int load(List<String[]> rows) {
        int loaded = 0;
        for (String[] row : rows) {
            loaded += jdbc.sql("""
                            INSERT INTO repository.sor_unit (sor_code, kind, name) VALUES (?, ?, ?)
                            ON CONFLICT (sor_code) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, loaded_at = now()
                            """)
                    .param(row[0]).param(row[1]).param(row[2]).update();
        }
        return loaded;
    }
}
