package dk.eojxds.ingest.store;

import dk.eojxds.ingest.feed.Feed;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code ingest.feed_cursor}: where each feed's full polls have got to, and a gap recorded when a
 * feed fell behind the gateway's window (only a completed initial load clears it). The cursor is
 * moved with the page it covers by {@link IngestCommit}; reading it and the gaps are here.
 */
@Repository
public class FeedCursors {

    private final JdbcClient client;

    FeedCursors(JdbcClient client) {
        this.client = client;
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
    void advance(Feed feed, Instant position) {
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
