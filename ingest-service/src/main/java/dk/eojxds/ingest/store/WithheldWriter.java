package dk.eojxds.ingest.store;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.validation.WithheldResource;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes {@code ingest.withheld}: what the FSIII data scope kept out, once per resource. */
@Repository
class WithheldWriter {

    private final JdbcTemplate jdbc;

    WithheldWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records resources withheld as outside the scope, in one round trip: once per resource, seen again counted. */
    void write(Feed feed, List<WithheldResource> withheld) {
        if (withheld.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                        INSERT INTO ingest.withheld (feed, resource_type, resource_id, report_id, rule)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (feed, resource_type, resource_id) DO UPDATE
                            SET report_id = EXCLUDED.report_id, rule = EXCLUDED.rule, last_seen_at = now(),
                                times_seen = ingest.withheld.times_seen + 1
                        """, withheld, withheld.size(), (statement, w) -> {
                    statement.setString(1, feed.name());
                    statement.setString(2, QuarantineText.bounded(w.resourceType(), 100));
                    statement.setString(3, QuarantineText.bounded(w.resourceId(), 200));
                    statement.setString(4, QuarantineText.bounded(w.reportId(), 200));
                    statement.setString(5, QuarantineText.bounded(w.rule(), 500));
                });
    }
}
