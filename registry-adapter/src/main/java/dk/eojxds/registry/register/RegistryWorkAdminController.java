package dk.eojxds.registry.register;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operators' view of registry work: registrations and deprecations, with the registry's answer
 * for those parked (FAILED), and a retry once the cause is fixed. Errors are problem details.
 */
@RestController
@RequestMapping("/admin")
class RegistryWorkAdminController {

    private static final Logger log = LoggerFactory.getLogger(RegistryWorkAdminController.class);
    private static final Map<String, String> TABLES = Map.of("registrations", "registry.registration",
            "deprecations", "registry.deprecation");

    private final JdbcClient jdbc;

    RegistryWorkAdminController(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        TABLES.forEach((kind, table) -> meters.gauge("eojxds.registry.parked", List.of(
                io.micrometer.core.instrument.Tag.of("kind", kind)), jdbc, j -> j.sql(
                "SELECT count(*) FROM " + table + " WHERE state = 'FAILED'").query(Long.class).single()));
    }

    @GetMapping("/{kind}")
    List<Map<String, Object>> list(@PathVariable String kind, @RequestParam(required = false) String state,
                                   @RequestParam(defaultValue = "100") int limit) {
        return jdbc.sql("SELECT * FROM " + table(kind) + " WHERE (CAST(? AS text) IS NULL OR state = ?) "
                        + "ORDER BY first_attempt_at LIMIT ?")
                .param(state).param(state).param(Math.min(Math.max(limit, 1), 1000)).query().listOfRows();
    }

    @PostMapping("/{kind}/{uniqueId}/retry")
    Map<String, Object> retry(@PathVariable String kind, @PathVariable String uniqueId, Principal operator) {
        String table = table(kind);
        int updated = jdbc.sql("UPDATE " + table + " SET state = 'PENDING', next_attempt_at = now() "
                + "WHERE document_unique_id = ? AND state = 'FAILED'").param(uniqueId).update();
        if (updated == 0) {
            boolean exists = jdbc.sql("SELECT count(*) FROM " + table + " WHERE document_unique_id = ?")
                    .param(uniqueId).query(Long.class).single() > 0;
            throw new ResponseStatusException(exists ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND,
                    exists ? "Only a parked (FAILED) item can be retried" : "No " + kind + " for document " + uniqueId);
        }
        log.info("Retry of {} for document {} by {}", kind, uniqueId, operator.getName());
        return Map.of("documentUniqueId", uniqueId, "state", "PENDING");
    }

    private static String table(String kind) {
        String table = TABLES.get(kind);
        if (table == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown kind " + kind);
        }
        return table;
    }

}
