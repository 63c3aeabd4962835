package dk.eojxds.handover;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ingest's change queue ({@code ingest.change}): one row per series whose document must be built
 * again, raised by ingest-service, consumed by xds-repository-service. Every statement against the
 * table is here. Claims lock rows with {@code FOR UPDATE SKIP LOCKED}, so any number of instances
 * share the work without taking one change twice, and a crash releases what it held.
 */
public final class ChangeQueue {

    /** How long a change raised by an initial load waits for the load to finish, at most. */
    public static final java.time.Duration HELD_AT_MOST = java.time.Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    public ChangeQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
    }

    /**
     * The statement text that raises a change for every {@code (family, citizen_cpr, partition_key)}
     * row of the CTE named {@code touched}, at the priority bound to the one parameter it has; for
     * ingest's one-round-trip page upsert. A pending change keeps the higher of the two priorities.
     */
    public static String raiseChangesFrom(String touched) {
        return """
                INSERT INTO ingest.change AS c (family, citizen_cpr, partition_key, priority)
                SELECT family, citizen_cpr, partition_key, ?::smallint FROM %s
                ORDER BY family, citizen_cpr, partition_key
                ON CONFLICT (family, citizen_cpr, partition_key) DO UPDATE
                    SET revision = c.revision + 1, changed_at = now(),
                        priority = CASE WHEN c.processed_at IS NULL THEN least(c.priority, EXCLUDED.priority)
                                        ELSE EXCLUDED.priority END,
                        processed_at = NULL
                RETURNING 1""".formatted(touched);
    }

    /** The value to bind to {@link #raiseChangesFrom}'s parameter. */
    public static int rank(Priority priority) {
        return priority.rank();
    }

    /** Raises one series' change (an operator's purge, a rebuild). */
    public void enqueue(SeriesKey series, Priority priority) {
        client.sql("""
                        INSERT INTO ingest.change AS c (family, citizen_cpr, partition_key, priority) VALUES (?, ?, ?, ?)
                        ON CONFLICT (family, citizen_cpr, partition_key) DO UPDATE
                            SET revision = c.revision + 1, changed_at = now(),
                                priority = CASE WHEN c.processed_at IS NULL THEN least(c.priority, EXCLUDED.priority)
                                                ELSE EXCLUDED.priority END,
                                processed_at = NULL
                        """)
                .param(series.family()).param(series.citizenCpr()).param(series.partitionKey())
                .param(priority.rank()).update();
    }

    /**
     * Makes series pending again without a new revision (taken again with the current reference
     * data); only series that ingest has raised before. Answers how many were.
     */
    public int requeue(Collection<SeriesKey> series, Priority priority) {
        int[] requeued = jdbc.batchUpdate("""
                        UPDATE ingest.change SET processed_at = NULL, changed_at = now(), priority = ?
                        WHERE family = ? AND citizen_cpr = ? AND partition_key = ? AND processed_at IS NOT NULL
                        """, series.stream().map(key -> new Object[] {priority.rank(), key.family(), key.citizenCpr(),
                        key.partitionKey()}).toList());
        return java.util.Arrays.stream(requeued).sum();
    }

    // walks the index change_pending in its order (QueueOrder)
    static final String CLAIM = """
            SELECT family, citizen_cpr, partition_key, revision, priority FROM ingest.change
            WHERE family = ANY (?::text[]) AND processed_at IS NULL
              AND (priority < 2 OR changed_at < now() - make_interval(secs => ?))
            ORDER BY priority, (CASE WHEN priority = 0 THEN '' ELSE citizen_cpr END), changed_at
            LIMIT ?
            FOR UPDATE SKIP LOCKED
            """;

    /**
     * Claims up to {@code max} pending changes of the families, locked until the caller's
     * transaction ends: live first, oldest first; then backlog citizen by citizen (a citizen's
     * documents are built, and so registered, together); held ones only once held too long.
     */
    public List<Change> claim(Collection<String> families, int max) {
        return QueueOrder.claim(client, () -> client.sql(CLAIM)
                .param(TextArray.literal(families)).param((double) HELD_AT_MOST.toSeconds()).param(max)
                .query(ChangeQueue::change).list());
    }

    /** Marks claimed changes done; a series changed again meanwhile (a newer revision) stays pending. */
    public void complete(Collection<Change> changes) {
        jdbc.batchUpdate("""
                        UPDATE ingest.change SET processed_at = now()
                        WHERE family = ? AND citizen_cpr = ? AND partition_key = ? AND revision = ?
                        """, changes.stream().map(c -> new Object[] {c.series().family(), c.series().citizenCpr(),
                        c.series().partitionKey(), c.revision()}).toList());
    }

    /** An initial load has finished: what it held becomes backlog, to be built. Answers how many. */
    public int release() {
        return client.sql("UPDATE ingest.change SET priority = 1 WHERE priority = 2 AND processed_at IS NULL").update();
    }

    /** Pending changes by priority, for the operators' view and the freshness alarms. */
    public long pending(Priority priority) {
        return client.sql("SELECT count(*) FROM ingest.change WHERE processed_at IS NULL AND priority = ?")
                .param(priority.rank()).query(Long.class).single();
    }

    private static Change change(ResultSet rs, int row) throws SQLException {
        return new Change(new SeriesKey(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4),
                Priority.values()[rs.getInt(5)]);
    }
}
