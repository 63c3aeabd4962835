package dk.eojxds.ingest.store;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.validation.RejectedResource;
import java.sql.PreparedStatement;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes {@code ingest.quarantine}: each rejected item once per feed and id (or, without an id, per
 * payload hash), seen again counted, reopened when it comes back after an operator resolved it.
 */
@Repository
class QuarantineWriter {

    private final JdbcTemplate jdbc;

    QuarantineWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(Feed feed, String position, List<RejectedResource> rejected) {
        for (RejectedResource r : rejected) {
            String sql = r.resourceId() == null
                    ? "INSERT INTO ingest.quarantine (feed, resource_type, resource_id, position, reasons, raw_payload, "
                      + "family, payload_sha256, municipality_sor) VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?, ?) "
                      + "ON CONFLICT (feed, payload_sha256) WHERE resource_id IS NULL AND payload_sha256 IS NOT NULL "
                      + "DO UPDATE SET position = EXCLUDED.position, reasons = EXCLUDED.reasons, last_seen_at = now(), "
                      + "times_seen = ingest.quarantine.times_seen + 1"
                    : "INSERT INTO ingest.quarantine (feed, resource_type, resource_id, position, reasons, raw_payload, "
                      + "family, payload_sha256, municipality_sor) VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?, ?) "
                      + "ON CONFLICT (feed, resource_type, resource_id) WHERE resource_id IS NOT NULL DO UPDATE "
                      + "SET position = EXCLUDED.position, reasons = EXCLUDED.reasons, "
                      + "raw_payload = EXCLUDED.raw_payload, last_seen_at = now(), "
                      + "times_seen = ingest.quarantine.times_seen + 1, state = 'OPEN', resolved_at = NULL, "
                      + "municipality_sor = EXCLUDED.municipality_sor, "
                      + "resolved_by = NULL, resolution_note = NULL";
            QuarantineText text = QuarantineText.of(r.reasons(), r.rawPayload());
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, feed.name());
                    statement.setString(2, QuarantineText.bounded(r.resourceType(), 100));
                    statement.setString(3, r.resourceId());
                    statement.setString(4, QuarantineText.bounded(position, 2000));
                    statement.setArray(5, connection.createArrayOf("text", text.reasons().toArray(String[]::new)));
                    statement.setString(6, text.payload());
                    statement.setString(7, feed.family() == null ? null : feed.family().name());
                    statement.setString(8, text.payloadSha256());
                    statement.setString(9, r.municipalitySor());
                    statement.executeUpdate();
                }
                return null;
            });
        }
    }
}
