package dk.eojxds.handover;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the operators' status page (served by xds-repository-service, as its runtime role) reads
 * from the other services' schemas: only their read-only status views ({@code ingest.resource_activity},
 * {@code ingest.feed_status}, {@code ingest.quarantine_rules}, {@code registry.registration_status},
 * {@code registry.deprecation_status}) and the change queue. No citizen and no payload is read.
 *
 * <p>Every statement is shaped for national scale (10^7 resources): per municipality and family an
 * index range scan, never a scan of the whole table.
 */
public final class PublishedStatus {

    // PostgreSQL's SQLSTATEs for a table or a schema that does not exist
    private static final String UNDEFINED_TABLE = "42P01";
    private static final String UNDEFINED_SCHEMA = "3F000";

    private final JdbcClient jdbc;

    public PublishedStatus(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /**
     * Whether a statement failed because a table it reads is not there yet: each service creates its
     * schema when it first starts, so on a fresh installation another service may not have yet.
     */
    public static boolean notPublishedYet(BadSqlGrammarException e) {
        String state = e.getSQLException() == null ? null : e.getSQLException().getSQLState();
        return UNDEFINED_TABLE.equals(state) || UNDEFINED_SCHEMA.equals(state);
    }

    /** What arrived from one municipality in one family. */
    public record Arrival(String municipalitySor, String family, Instant lastReceived, long lastDay, long lastWeek) {
    }

    /** When anything last arrived from each municipality, whatever the family (none: not in the map). */
    public static Map<String, Instant> lastReceivedByMunicipality(List<Arrival> arrivals) {
        Map<String, Instant> last = new HashMap<>();
        for (Arrival a : arrivals) {
            if (a.lastReceived() != null) {
                last.merge(a.municipalitySor(), a.lastReceived(), (x, y) -> x.isAfter(y) ? x : y);
            }
        }
        return last;
    }

    /** A feed's cursor: data after {@code position} is read on the next poll. */
    public record FeedCursor(String feed, Instant position, Instant updatedAt, Instant gapSince, String gapDetail) {
    }

    /** Quarantined items of one rule in one feed. */
    public record QuarantineRule(String family, String feed, String rule, long open, long lastDay, Instant lastSeen) {
    }

    /** How many registrations or deprecations are in one state. */
    public record RegistryState(String kind, String state, long count) {
    }

    /** One of the registry's latest refusals or failures (the text as the registry gave it). */
    public record RegistryError(String kind, String state, int attempts, Instant at, String error) {
    }

    /** Pending changes at one priority, and how long the oldest has waited. */
    public record ChangesPending(Priority priority, long count, Instant oldest) {
    }

    /**
     * Per municipality (by SOR) and family: last resource received, and how many in the last day
     * and week. The municipalities are the given ones and every other one the data names (found
     * with a loose index scan: one probe per municipality).
     */
    public List<Arrival> arrivals(Collection<String> knownMunicipalities) {
        return jdbc.sql("""
                        WITH RECURSIVE seen AS (
                            SELECT min(municipality_sor) AS sor FROM ingest.resource_activity
                            UNION ALL
                            SELECT (SELECT min(municipality_sor) FROM ingest.resource_activity r WHERE r.municipality_sor > seen.sor)
                            FROM seen WHERE seen.sor IS NOT NULL
                        ), municipality AS (
                            SELECT sor FROM seen WHERE sor IS NOT NULL
                            UNION
                            SELECT unnest(?::text[])
                        )
                        SELECT m.sor, f.family,
                               (SELECT max(received_at) FROM ingest.resource_activity r
                                WHERE r.municipality_sor = m.sor AND r.family = f.family) AS last_received,
                               w.last_day, w.last_week
                        FROM municipality m
                        CROSS JOIN (VALUES ('TELMA'), ('KPRO'), ('FSIII')) AS f (family)
                        CROSS JOIN LATERAL (
                            SELECT count(*) FILTER (WHERE received_at >= now() - interval '1 day') AS last_day,
                                   count(*) AS last_week
                            FROM ingest.resource_activity r
                            WHERE r.municipality_sor = m.sor AND r.family = f.family
                              AND r.received_at >= now() - interval '7 days') w
                        ORDER BY 1, 2""")
                .param(knownMunicipalities.toArray(String[]::new))
                .query((rs, row) -> new Arrival(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    public List<FeedCursor> feeds() {
        return jdbc.sql("SELECT feed, position, updated_at, gap_since, gap_detail FROM ingest.feed_status ORDER BY feed")
                .query((rs, row) -> new FeedCursor(rs.getString(1), instant(rs, 2), instant(rs, 3), instant(rs, 4),
                        rs.getString(5)))
                .list();
    }

    /** Open quarantine items (and those seen in the last day) by family, feed and rule. */
    public List<QuarantineRule> quarantineByRule() {
        return jdbc.sql("""
                        SELECT coalesce(family, ''), feed, rule,
                               count(DISTINCT id) FILTER (WHERE state = 'OPEN') AS open,
                               count(DISTINCT id) FILTER (WHERE last_seen_at >= now() - interval '1 day') AS last_day,
                               max(last_seen_at)
                        FROM ingest.quarantine_rules
                        WHERE state = 'OPEN' OR last_seen_at >= now() - interval '1 day'
                        GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 3""")
                .query((rs, row) -> new QuarantineRule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), instant(rs, 6)))
                .list();
    }

    /** Open quarantine items per municipality (where the item names one) and family. */
    public List<Count> openQuarantineByMunicipality() {
        return jdbc.sql("""
                        SELECT municipality_sor, coalesce(family, ''), count(DISTINCT id) FROM ingest.quarantine_rules
                        WHERE state = 'OPEN' AND municipality_sor IS NOT NULL GROUP BY 1, 2""")
                .query((rs, row) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    public List<RegistryState> registryStates() {
        return jdbc.sql("""
                        SELECT 'registration', state, count(*) FROM registry.registration_status
                        WHERE state <> 'REGISTERED' GROUP BY 2
                        UNION ALL
                        SELECT 'deprecation', state, count(*) FROM registry.deprecation_status
                        WHERE state <> 'DEPRECATED' GROUP BY 2
                        ORDER BY 1, 2""")
                .query((rs, row) -> new RegistryState(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** The latest failures the registry answered, newest first. */
    public List<RegistryError> latestRegistryErrors(int max) {
        return jdbc.sql("""
                        (SELECT 'registration' AS kind, state, attempts, first_attempt_at, last_error
                         FROM registry.registration_status WHERE state IN ('PENDING', 'FAILED') AND last_error IS NOT NULL
                         ORDER BY first_attempt_at DESC LIMIT ?)
                        UNION ALL
                        (SELECT 'deprecation', state, attempts, first_attempt_at, last_error
                         FROM registry.deprecation_status WHERE state IN ('PENDING', 'FAILED') AND last_error IS NOT NULL
                         ORDER BY first_attempt_at DESC LIMIT ?)
                        ORDER BY 4 DESC LIMIT ?""")
                .param(max).param(max).param(max)
                .query((rs, row) -> new RegistryError(rs.getString(1), rs.getString(2), rs.getInt(3), instant(rs, 4),
                        rs.getString(5)))
                .list();
    }

    /**
     * Count registrations (the registry refused them for good) per municipality and family, read
     * against the caller's own documents.
     */
    public List<Count> parkedRegistrations() {
        return jdbc.sql("""
                        SELECT d.author_sor, d.family, count(*)
                        FROM registry.registration_status r
                        JOIN repository.document d ON d.unique_id = r.document_unique_id
                        WHERE r.state = 'FAILED' GROUP BY 1, 2""")
                .query((rs, row) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** From received to registered, over the documents one municipality's data made in the last day. */
    public record Freshness(String municipalitySor, String family, long registered, double medianSeconds,
                            double p95Seconds) {
    }

    /**
     * Freshness per municipality (by SOR) and family: for the latest documents stored in the last
     * day (at most {@value #FRESHNESS_SAMPLE} each, newest first, so that an initial load's million
     * documents in a day cost no more than a quiet day's), the time from when ingest received the
     * newest resource a document was built from to its registration (median and 95th percentile),
     * read against the caller's own documents.
     */
    public List<Freshness> freshness(Collection<String> municipalities) {
        return jdbc.sql("""
                        SELECT m.sor, f.family, count(*),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY x.seconds),
                               percentile_cont(0.95) WITHIN GROUP (ORDER BY x.seconds)
                        FROM unnest(?::text[]) AS m (sor)
                        CROSS JOIN (VALUES ('TELMA'), ('KPRO'), ('FSIII')) AS f (family)
                        CROSS JOIN LATERAL (
                            SELECT extract(epoch FROM r.registered_at - d.source_received_at) AS seconds
                            FROM repository.document d
                            JOIN registry.registration_status r ON r.document_unique_id = d.unique_id
                            WHERE d.author_sor = m.sor AND d.family = f.family AND d.stored_at >= now() - interval '1 day'
                              AND d.source_received_at IS NOT NULL AND r.registered_at IS NOT NULL
                            ORDER BY d.stored_at DESC LIMIT %d) x
                        GROUP BY 1, 2""".formatted(FRESHNESS_SAMPLE))
                .param(municipalities.toArray(String[]::new))
                .query((rs, row) -> new Freshness(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4),
                        rs.getDouble(5)))
                .list();
    }

    static final int FRESHNESS_SAMPLE = 500;

    /**
     * When each municipality's (by SOR) documents of each family were last registered, as far as the
     * newest {@value #FRESHNESS_SAMPLE} documents stored show (key {@code sor/family}; none
     * registered among them: not in the map). Index probes only, whatever is stored.
     */
    public Map<String, Instant> lastRegistered(Collection<String> municipalities) {
        Map<String, Instant> last = new HashMap<>();
        jdbc.sql("""
                        SELECT m.sor, f.family, (
                            SELECT max(r.registered_at) FROM (
                                SELECT d.unique_id FROM repository.document d
                                WHERE d.author_sor = m.sor AND d.family = f.family
                                ORDER BY d.stored_at DESC LIMIT %d) x
                            JOIN registry.registration_status r ON r.document_unique_id = x.unique_id)
                        FROM unnest(?::text[]) AS m (sor)
                        CROSS JOIN (VALUES ('TELMA'), ('KPRO'), ('FSIII')) AS f (family)""".formatted(FRESHNESS_SAMPLE))
                .param(municipalities.toArray(String[]::new))
                .query(rs -> {
                    Instant at = instant(rs, 3);
                    if (at != null) {
                        last.put(rs.getString(1) + "/" + rs.getString(2), at);
                    }
                });
        return last;
    }

    /** How many items (parked registrations, open quarantine) one municipality has in one family. */
    public record Count(String municipalitySor, String family, long count) {
    }

    public List<ChangesPending> changesPending() {
        return jdbc.sql("""
                        SELECT priority, count(*), min(changed_at) FROM ingest.change
                        WHERE processed_at IS NULL GROUP BY 1 ORDER BY 1""")
                .query((rs, row) -> new ChangesPending(Priority.values()[rs.getInt(1)], rs.getLong(2), instant(rs, 3)))
                .list();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
