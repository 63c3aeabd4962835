package dk.eojxds.ingest.scope;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The FSIII data scope for operators: what was withheld (to take up with the municipality that
 * sent it) and the purge of stored data outside a feed's current scope. The operator of a purge is
 * recorded from the authenticated principal.
 */
@RestController
class FsiiiScopeController {

    private final OutOfScopePurge purge;
    private final JdbcClient jdbc;

    FsiiiScopeController(OutOfScopePurge purge, JdbcClient jdbc) {
        this.purge = purge;
        this.jdbc = jdbc;
    }

    /** One withheld resource: which, from which report and feed, by which rule, when. */
    record Withheld(String feed, String resourceType, String resourceId, String reportId, String rule,
                    Instant firstSeenAt, Instant lastSeenAt, int timesSeen) {
    }

    @GetMapping("/admin/fsiii/withheld")
    List<Withheld> withheld(@RequestParam(required = false) String feed,
                            @RequestParam(defaultValue = "100") int limit) {
        return jdbc.sql("""
                        SELECT feed, resource_type, resource_id, report_id, rule, first_seen_at, last_seen_at, times_seen
                        FROM ingest.withheld WHERE (CAST(? AS text) IS NULL OR feed = ?)
                        ORDER BY last_seen_at DESC LIMIT ?""")
                .param(feed).param(feed).param(Math.max(1, Math.min(limit, 1000)))
                .query((rs, i) -> new Withheld(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getInt(8)))
                .list();
    }

    @PostMapping("/admin/fsiii/purge-out-of-scope")
    OutOfScopePurge.Result purge(Principal operator) {
        return purge.purge(operator.getName());
    }
}
