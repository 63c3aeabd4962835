package dk.eojxds.ingest.store;

import dk.eojxds.handover.ChangeQueue;
import dk.eojxds.handover.Priority;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.validation.IngestedResource;
import dk.eojxds.ingest.validation.RejectedResource;
import dk.eojxds.ingest.validation.WithheldResource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ingest schema: resources, change rows, cursors and the quarantine. */
@Repository
public class IngestStore {

    /*
     * One round trip per page: upsert the resources (an older version never overwrites a newer
     * one), and for every row that really changed, raise a change for its document and, when the
     * resource moved to another citizen or day, for the document it left (the statement that raises
     * changes is the hand-over module's: ChangeQueue.raiseChangesFrom).
     */
    private static final String UPSERT_PAGE = """
            WITH incoming AS (
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[])
                    AS t(resource_type, resource_id, family, feed, citizen_cpr, partition_key,
                         version_id, last_updated, status, raw_json, municipality_sor)
            ), previous AS (
                SELECT r.resource_type, r.resource_id, r.family, r.citizen_cpr, r.partition_key
                FROM ingest.resource r JOIN incoming i USING (resource_type, resource_id)
            ), stored AS (
                INSERT INTO ingest.resource AS r (resource_type, resource_id, family, feed, citizen_cpr,
                                                  partition_key, version_id, last_updated, status, raw_json,
                                                  municipality_sor)
                SELECT resource_type, resource_id, family, feed, citizen_cpr, partition_key,
                       version_id, last_updated, status, raw_json, municipality_sor
                FROM incoming
                ON CONFLICT (resource_type, resource_id) DO UPDATE
                    SET family = EXCLUDED.family, feed = EXCLUDED.feed, citizen_cpr = EXCLUDED.citizen_cpr,
                        partition_key = EXCLUDED.partition_key, version_id = EXCLUDED.version_id,
                        last_updated = EXCLUDED.last_updated, status = EXCLUDED.status,
                        raw_json = EXCLUDED.raw_json, municipality_sor = EXCLUDED.municipality_sor,
                        received_at = now()
                    WHERE (coalesce(r.version_id, -1), r.last_updated)
                        < (coalesce(EXCLUDED.version_id, -1), EXCLUDED.last_updated)
                RETURNING r.resource_type, r.resource_id, r.family, r.citizen_cpr, r.partition_key, r.last_updated
            ), touched AS (
                SELECT family, citizen_cpr, partition_key FROM stored
                UNION
                SELECT p.family, p.citizen_cpr, p.partition_key
                FROM previous p JOIN stored s USING (resource_type, resource_id)
            ), changed AS (
                %s
            )
            SELECT (SELECT count(*) FROM stored) AS stored, (SELECT count(*) FROM changed) AS changed,
                   (SELECT array_agg(extract(epoch FROM now() - last_updated)::float8) FROM stored) AS lags
            """.formatted(ChangeQueue.raiseChangesFrom("touched"));

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    IngestStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
    }

    /**
     * What an upsert stored: how many resources were new or newer than what was stored, and for
     * each of them its commit lag — seconds from its {@code meta.lastUpdated} to its being stored.
     */
    public record Upserted(int stored, double[] lagSeconds) {

        static final Upserted NOTHING = new Upserted(0, new double[0]);
    }

    /** Stores the resources; answers how many were new or newer than what was stored, with their lags. */
    public Upserted upsert(Feed feed, Collection<IngestedResource> resources, Priority priority) {
        if (resources.isEmpty()) {
            return Upserted.NOTHING;
        }
        List<IngestedResource> unique = newestPerId(resources);
        return jdbc.execute((ConnectionCallback<Upserted>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT_PAGE)) {
                bindColumns(connection, statement, feed, unique);
                statement.setInt(12, ChangeQueue.rank(priority));
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    Array lags = result.getArray("lags");
                    double[] seconds = lags == null ? new double[0]
                            : java.util.Arrays.stream((Double[]) lags.getArray()).mapToDouble(Double::doubleValue).toArray();
                    return new Upserted(result.getInt("stored"), seconds);
                }
            }
        });
    }

    // ON CONFLICT cannot touch one row twice in a statement: keep each id's newest version only.
    private static List<IngestedResource> newestPerId(Collection<IngestedResource> resources) {
        Map<String, IngestedResource> newest = new LinkedHashMap<>();
        for (IngestedResource resource : resources) {
            newest.merge(resource.resourceType() + "/" + resource.resourceId(), resource,
                    (kept, candidate) -> candidate.isNewerThan(kept) ? candidate : kept);
        }
        return List.copyOf(newest.values());
    }

    private static void bindColumns(Connection connection, PreparedStatement statement, Feed feed,
                                    List<IngestedResource> rows) throws SQLException {
        int n = rows.size();
        String[][] text = new String[10][n];
        Long[] versions = new Long[n];
        for (int i = 0; i < n; i++) {
            IngestedResource r = rows.get(i);
            text[0][i] = r.resourceType();
            text[1][i] = r.resourceId();
            text[2][i] = r.family().name();
            text[3][i] = feed.name();
            text[4][i] = r.citizen().value();
            text[5][i] = r.partitionKey();
            text[6][i] = r.lastUpdated().toString();
            text[7][i] = r.status();
            text[8][i] = r.rawJson();
            text[9][i] = r.municipalitySor();
            versions[i] = r.versionId();
        }
        statement.setArray(1, array(connection, text[0]));
        statement.setArray(2, array(connection, text[1]));
        statement.setArray(3, array(connection, text[2]));
        statement.setArray(4, array(connection, text[3]));
        statement.setArray(5, array(connection, text[4]));
        statement.setArray(6, array(connection, text[5]));
        statement.setArray(7, connection.createArrayOf("int8", versions));
        statement.setArray(8, array(connection, text[6]));
        statement.setArray(9, array(connection, text[7]));
        statement.setArray(10, array(connection, text[8]));
        statement.setArray(11, array(connection, text[9]));
    }

    private static Array array(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }

    public void quarantine(Feed feed, String position, List<RejectedResource> rejected) {
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
                    statement.setArray(5, array(connection, text.reasons().toArray(String[]::new)));
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

    /** Records resources withheld as outside the scope, in one round trip: once per resource, seen again counted. */
    public void withhold(Feed feed, List<WithheldResource> withheld) {
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

    public Optional<Instant> cursor(Feed feed) {
        return client.sql("SELECT position FROM ingest.feed_cursor WHERE feed = ?")
                .param(feed.name())
                .query((rs, i) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    /** Records a gap unless one is already recorded; true when this call recorded it. */
    public boolean markGap(Feed feed, Instant at, String detail) {
        return client.sql("""
                        UPDATE ingest.feed_cursor SET gap_since = ?, gap_detail = ?
                        WHERE feed = ? AND gap_since IS NULL
                        """)
                .param(Timestamp.from(at)).param(detail).param(feed.name())
                .update() > 0;
    }

    public Optional<String> gap(Feed feed) {
        return client.sql("SELECT gap_since || ': ' || gap_detail FROM ingest.feed_cursor WHERE feed = ? AND gap_since IS NOT NULL")
                .param(feed.name()).query(String.class).optional();
    }

    /** Only a completed initial load may clear a gap. */
    public void clearGaps(Instant loadStartedAt) {
        client.sql("UPDATE ingest.feed_cursor SET gap_since = NULL, gap_detail = NULL WHERE gap_since <= ?")
                .param(Timestamp.from(loadStartedAt)).update();
    }

    /** Moves the cursor forward, never back (two pollers may race). */
    public void advanceCursor(Feed feed, Instant position) {
        client.sql("""
                        INSERT INTO ingest.feed_cursor (feed, position) VALUES (?, ?)
                        ON CONFLICT (feed) DO UPDATE
                            SET position = greatest(ingest.feed_cursor.position, EXCLUDED.position),
                                updated_at = now()
                        """)
                .param(feed.name())
                .param(Timestamp.from(position))
                .update();
    }
}
