package dk.eojxds.handover;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What ingest-service publishes for the documents to be built from: the stored resources of a
 * series ({@code ingest.resource}, raw JSON as the gateway sent it) and an operator's FSIII purge
 * requests ({@code ingest.fsiii_purge}). Read by xds-repository-service; every statement is here.
 */
public final class IngestedResources {

    private final JdbcClient jdbc;

    public IngestedResources(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /**
     * The statement text for when ingest received a series' newest resource, with the parameters
     * family, citizen and partition; a sub-select for the statement that stores the document built
     * from the series (the status page's freshness counts from it).
     */
    public static final String LATEST_RECEIVED = """
            SELECT max(received_at) FROM ingest.resource WHERE family = ? AND citizen_cpr = ? AND partition_key = ?""";

    /** One stored resource. */
    public record Stored(String resourceType, String resourceId, String rawJson, Instant lastUpdated) {
    }

    /** A series' resources, those entered in error left out, by type and id (a stable order for fingerprints). */
    public List<Stored> ofSeries(SeriesKey series) {
        return jdbc.sql("""
                        SELECT resource_type, resource_id, raw_json, last_updated FROM ingest.resource
                        WHERE family = ? AND citizen_cpr = ? AND partition_key = ?
                          AND coalesce(status, '') <> 'entered-in-error'
                        ORDER BY resource_type, resource_id
                        """)
                .param(series.family()).param(series.citizenCpr()).param(series.partitionKey())
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** One resource of a family and citizen, whatever its status (its status is the builder's to judge). */
    public Optional<String> rawJson(String family, String citizenCpr, String resourceType, String resourceId) {
        return jdbc.sql("""
                        SELECT raw_json FROM ingest.resource
                        WHERE family = ? AND citizen_cpr = ? AND resource_type = ? AND resource_id = ?
                        """)
                .param(family).param(citizenCpr).param(resourceType).param(resourceId)
                .query(String.class).optional();
    }

    /** True when ingest holds an operator's purge request for the citizen's FSIII data. */
    public boolean fsiiiPurgeRequested(String citizenCpr) {
        return jdbc.sql("SELECT count(*) FROM ingest.fsiii_purge WHERE citizen_cpr = ?").param(citizenCpr)
                .query(Long.class).single() > 0;
    }

    /** The purge request is done with once the documents are withdrawn (in the same transaction). */
    public void fsiiiPurgeHandled(String citizenCpr) {
        jdbc.sql("DELETE FROM ingest.fsiii_purge WHERE citizen_cpr = ?").param(citizenCpr).update();
    }
}
