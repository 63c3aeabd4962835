package dk.eojxds.handover;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which version of a series the registry shows, as far as this repository sent it there: the
 * newest of the series' documents that is queued for registration or registered
 * ({@code registry.registration_status}), unless it is deprecated or queued for deprecation. And
 * the statements that hold a municipality's queued work back and publish it again when an operator
 * sets it live (xds-repository-service's {@code publishing} module): held series are kept in
 * {@code repository.held_series}.
 *
 * <p>At most one version of a series is Approved at the registry: every registered version
 * replaces (RPLC) the one shown before it, or starts a new series after the shown one was
 * deprecated. So "the newest registered, not deprecated" is the one the registry shows.
 */
public final class RegistryVersions {

    // the document (its unique_id in column %1$s) is at the registry or on its way there
    private static String sent(String id) {
        return """
                (EXISTS (SELECT 1 FROM repository.registration_outbox q WHERE q.document_unique_id = %1$s)
                 OR EXISTS (SELECT 1 FROM registry.registration_status r
                            WHERE r.document_unique_id = %1$s AND r.state = 'REGISTERED'))""".formatted(id);
    }

    // the document is deprecated at the registry, or will be
    private static String deprecated(String id) {
        return """
                (EXISTS (SELECT 1 FROM repository.deprecation_outbox x WHERE x.document_unique_id = %1$s)
                 OR EXISTS (SELECT 1 FROM registry.deprecation_status x
                            WHERE x.document_unique_id = %1$s AND x.state = 'DEPRECATED'))""".formatted(id);
    }

    // the version of series s (columns family, citizen_cpr, partition_key of alias s) the registry shows, or NULL
    private static String shown(String s) {
        return """
                (SELECT CASE WHEN NOT %2$s THEN v.unique_id END FROM repository.document v
                 WHERE v.family = %1$s.family AND v.citizen_cpr = %1$s.citizen_cpr AND v.partition_key = %1$s.partition_key
                   AND %3$s
                 ORDER BY v.stored_at DESC LIMIT 1)""".formatted(s, deprecated("v.unique_id"), sent("v.unique_id"));
    }

    private final JdbcClient jdbc;

    public RegistryVersions(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /**
     * The version of the series the registry shows (or will, once its queue is worked): what a new
     * version replaces and what a withdrawal deprecates. {@code predecessor}, the version before
     * in our database, is the answer in the ordinary case and is checked first.
     */
    public String shown(SeriesKey series, String predecessor) {
        if (predecessor != null && jdbc.sql("SELECT " + sent("p.id") + " AND NOT " + deprecated("p.id")
                        + " FROM (SELECT ?::text AS id) p")
                .param(predecessor).query(Boolean.class).single()) {
            return predecessor;
        }
        return jdbc.sql("SELECT " + shown("s") + " FROM (SELECT ?::text AS family, ?::text AS citizen_cpr, "
                        + "?::text AS partition_key) s")
                .param(series.family()).param(series.citizenCpr()).param(series.partitionKey())
                .query(String.class).optional().orElse(null);
    }

    /**
     * Whether the registry had the document and deprecated it (or is about to): a current document
     * of a municipality that was withdrawn from publishing; going live again needs a new version.
     */
    public boolean registeredAndDeprecated(String uniqueId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM registry.registration_status r WHERE r.document_unique_id = p.id "
                        + "AND r.state = 'REGISTERED') AND " + deprecated("p.id") + " FROM (SELECT ?::text AS id) p")
                .param(uniqueId).query(Boolean.class).single();
    }

    /** Records that the series' newest state waits for its municipality (whose SOR code is {@code authorSor}). */
    public void hold(SeriesKey series, String authorSor) {
        jdbc.sql("""
                        INSERT INTO repository.held_series (family, citizen_cpr, partition_key, author_sor)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (family, citizen_cpr, partition_key) DO UPDATE SET author_sor = EXCLUDED.author_sor
                        """)
                .param(series.family()).param(series.citizenCpr()).param(series.partitionKey()).param(authorSor)
                .update();
    }

    /** The series' newest state goes to the registry: it no longer waits. */
    public void release(SeriesKey series) {
        jdbc.sql("DELETE FROM repository.held_series WHERE family = ? AND citizen_cpr = ? AND partition_key = ?")
                .param(series.family()).param(series.citizenCpr()).param(series.partitionKey()).update();
    }

    /**
     * Takes the documents of a municipality and family that wait in the registration outbox back
     * out (paused or withdrawn: nothing new is registered), holding their series instead.
     * Deprecations stay queued: data withdrawn as entered in error must not stay visible. An item
     * being sent at this moment is waited for (its row lock) and then either gone (done) or taken
     * back. Answers how many series were held.
     */
    public int holdQueued(String authorSor, String family) {
        return jdbc.sql("""
                        WITH taken AS (
                            DELETE FROM repository.registration_outbox o USING repository.document d
                            WHERE d.unique_id = o.document_unique_id AND d.author_sor = ? AND d.family = ?
                            RETURNING d.family, d.citizen_cpr, d.partition_key, d.author_sor)
                        INSERT INTO repository.held_series (family, citizen_cpr, partition_key, author_sor)
                        SELECT DISTINCT family, citizen_cpr, partition_key, author_sor FROM taken
                        ON CONFLICT (family, citizen_cpr, partition_key) DO NOTHING
                        """)
                .param(authorSor).param(family).update();
    }

    /**
     * Deprecates (queues ITI-57 for) every version of the municipality's family the registry
     * shows, and holds those series, so that going live again publishes them anew. Answers how
     * many deprecations were queued.
     */
    public int deprecateShown(String authorSor, String family, String reason) {
        jdbc.sql("""
                        INSERT INTO repository.held_series (family, citizen_cpr, partition_key, author_sor)
                        SELECT DISTINCT family, citizen_cpr, partition_key, author_sor FROM repository.document
                        WHERE author_sor = ? AND family = ?
                        ON CONFLICT (family, citizen_cpr, partition_key) DO NOTHING
                        """).param(authorSor).param(family).update();
        return jdbc.sql("""
                        INSERT INTO repository.deprecation_outbox (document_unique_id, reason)
                        SELECT d.unique_id, ? FROM repository.document d
                        JOIN registry.registration_status r ON r.document_unique_id = d.unique_id AND r.state = 'REGISTERED'
                        WHERE d.author_sor = ? AND d.family = ? AND d.unique_id = %s
                        ON CONFLICT (document_unique_id) DO NOTHING
                        """.formatted(shown("d")))
                .param(reason).param(authorSor).param(family).update();
    }

    /** What going live publishes for a municipality's family, per held series. */
    public record Published(int registrations, int deprecations, List<SeriesKey> rebuilds) {
    }

    /**
     * Publishes the newest state of every series held for the municipality's family (going live):
     * a current document the registry does not have is queued for registration as backlog,
     * replacing the version the registry shows; a series withdrawn in our database whose version
     * is still shown there gets that version deprecated; a current document the registry had and
     * deprecated (the municipality was withdrawn) needs a new version, so its series is answered
     * for a rebuild. The held series are released.
     */
    public Published publishHeld(String authorSor, String family, String withdrawalReason) {
        List<SeriesKey> rebuilds = jdbc.sql("""
                        SELECT h.family, h.citizen_cpr, h.partition_key FROM repository.held_series h
                        JOIN repository.document d ON d.family = h.family AND d.citizen_cpr = h.citizen_cpr
                            AND d.partition_key = h.partition_key AND d.status = 'CURRENT'
                        WHERE h.author_sor = ? AND h.family = ?
                          AND EXISTS (SELECT 1 FROM registry.registration_status r
                                      WHERE r.document_unique_id = d.unique_id AND r.state = 'REGISTERED')
                          AND %s
                        """.formatted(deprecated("d.unique_id")))
                .param(authorSor).param(family)
                .query((rs, i) -> new SeriesKey(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        int registrations = jdbc.sql("""
                        INSERT INTO repository.registration_outbox (document_unique_id, citizen_cpr, priority, replaces_unique_id)
                        SELECT d.unique_id, d.citizen_cpr, 1, %s FROM repository.held_series h
                        JOIN repository.document d ON d.family = h.family AND d.citizen_cpr = h.citizen_cpr
                            AND d.partition_key = h.partition_key AND d.status = 'CURRENT'
                        WHERE h.author_sor = ? AND h.family = ? AND NOT %s
                        ON CONFLICT (document_unique_id) DO NOTHING
                        """.formatted(shown("h"), sent("d.unique_id")))
                .param(authorSor).param(family).update();
        int deprecations = jdbc.sql("""
                        INSERT INTO repository.deprecation_outbox (document_unique_id, reason)
                        SELECT shown.unique_id, ? FROM repository.held_series h
                        CROSS JOIN LATERAL (SELECT %s AS unique_id) shown
                        WHERE h.author_sor = ? AND h.family = ? AND shown.unique_id IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM repository.document c WHERE c.family = h.family
                                          AND c.citizen_cpr = h.citizen_cpr AND c.partition_key = h.partition_key
                                          AND c.status = 'CURRENT')
                        ON CONFLICT (document_unique_id) DO NOTHING
                        """.formatted(shown("h")))
                .param(withdrawalReason).param(authorSor).param(family).update();
        jdbc.sql("DELETE FROM repository.held_series WHERE author_sor = ? AND family = ?")
                .param(authorSor).param(family).update();
        return new Published(registrations, deprecations, rebuilds);
    }

    /** Series waiting per author SOR code and family (held_series), for the status page and metrics. */
    public record Held(String authorSor, String family, long series) {
    }

    public List<Held> held() {
        return jdbc.sql("SELECT author_sor, family, count(*) FROM repository.held_series GROUP BY author_sor, family")
                .query((rs, i) -> new Held(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }
}
