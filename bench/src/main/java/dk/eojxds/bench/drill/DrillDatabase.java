package dk.eojxds.bench.drill;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the drill reads of the suite's three schemas, as the schema owner, through the same
 * multi-host URL the services use (so it, too, finds the primary after a failover).
 */
final class DrillDatabase {

    private final JdbcClient jdbc;

    DrillDatabase(String url) {
        this.jdbc = JdbcClient.create(new DriverManagerDataSource(url, "eojxds", PatroniCluster.PASSWORD));
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** What the pipeline stored, built and registered, as both drills count it. */
    record Pipeline(long resources, long quarantined, long documents, long registered, long notRegistered,
                    long current) {
    }

    Pipeline pipeline() {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM ingest.resource), (SELECT count(*) FROM ingest.quarantine),
                               (SELECT count(*) FROM repository.document),
                               (SELECT count(*) FROM registry.registration WHERE state = 'REGISTERED'),
                               (SELECT count(*) FROM registry.registration WHERE state <> 'REGISTERED'),
                               (SELECT count(*) FROM repository.document WHERE status = 'CURRENT')""")
                .query((rs, n) -> new Pipeline(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6))).single();
    }

    /** Registered documents that may be retrieved, with the SHA-1 the repository registered. */
    List<Map.Entry<String, String>> retrievable() {
        return jdbc.sql("""
                        SELECT d.unique_id, d.hash_sha1 FROM repository.document d
                        JOIN registry.registration r ON r.document_unique_id = d.unique_id AND r.state = 'REGISTERED'
                        WHERE d.purged_at IS NULL ORDER BY r.registered_at DESC LIMIT 300""")
                .query((rs, row) -> (Map.Entry<String, String>) new AbstractMap.SimpleImmutableEntry<>(rs.getString(1),
                        rs.getString(2))).list();
    }

    /** Whether the pipeline has nothing left to do: no pending change, nothing in the outboxes. */
    boolean drained() {
        return count("SELECT count(*) FROM ingest.change WHERE processed_at IS NULL") == 0
                && count("SELECT count(*) FROM repository.registration_outbox") == 0
                && count("SELECT count(*) FROM repository.deprecation_outbox") == 0;
    }

    long auditedRetrieves(Instant since) {
        return jdbc.sql("SELECT count(*) FROM repository.retrieve_audit WHERE outcome = 'RETRIEVED' AND at >= ?")
                .param(Timestamp.from(since)).query(Long.class).single();
    }

    Instant lastRegistrationBefore(Instant at) {
        Timestamp t = jdbc.sql("SELECT max(registered_at) FROM registry.registration WHERE registered_at < ?")
                .param(Timestamp.from(at)).query(Timestamp.class).single();
        return t == null ? null : t.toInstant();
    }

    Instant firstRegistrationAfter(Instant at) {
        Timestamp t = jdbc.sql("SELECT min(registered_at) FROM registry.registration WHERE registered_at > ?")
                .param(Timestamp.from(at)).query(Timestamp.class).single();
        return t == null ? null : t.toInstant();
    }

    /**
     * From the resource's arrival to its document's registration, for documents whose newest
     * resource arrived since (the backlog of the services' start does not count).
     */
    Map<String, Object> freshness(Instant since) {
        return freshness(since, Instant.now().plusSeconds(3600));
    }

    /** The same, for documents whose newest resource arrived in [since, until). */
    Map<String, Object> freshness(Instant since, Instant until) {
        return jdbc.sql("""
                        SELECT count(*) AS n,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.registered_at - d.source_received_at)) AS p50,
                               percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM r.registered_at - d.source_received_at)) AS p95,
                               max(extract(epoch FROM r.registered_at - d.source_received_at)) AS worst
                        FROM repository.document d JOIN registry.registration r ON r.document_unique_id = d.unique_id
                        WHERE d.source_received_at >= ? AND d.source_received_at < ?""")
                .param(Timestamp.from(since)).param(Timestamp.from(until)).query().singleRow();
    }

    Map<String, Object> row(String sql) {
        return jdbc.sql(sql).query().singleRow();
    }
}
