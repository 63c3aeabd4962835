package dk.eojxds.ingest.store;

import dk.eojxds.handover.ChangeQueue;
import dk.eojxds.handover.Priority;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.validation.IngestedResource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes {@code ingest.resource} and, in the same statement, the change rows the repository
 * claims ({@code ingest.change}, through the hand-over module's statement).
 */
@Repository
class ResourceWriter {

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

    ResourceWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the resources; answers how many were new or newer than what was stored, with their lags. */
    Upserted upsert(Feed feed, Collection<IngestedResource> resources, Priority priority) {
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
}
