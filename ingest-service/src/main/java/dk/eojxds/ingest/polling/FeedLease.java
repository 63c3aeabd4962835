package dk.eojxds.ingest.polling;

import dk.eojxds.ingest.feed.Feed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * One poller per feed across all instances: a PostgreSQL session advisory lock, held on its own
 * connection while the feed is polled. If the instance dies, its connection closes and the lock
 * is released at once; no lease can be left behind.
 */
@Component
class FeedLease {

    private final DataSource dataSource;

    FeedLease(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lease, or empty when another instance is polling the feed right now. */
    Optional<Held> tryAcquire(Feed feed) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (call(connection, "SELECT pg_try_advisory_lock(?)", key(feed))) {
                return Optional.of(new Held(connection, key(feed)));
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("could not take the lease of feed " + feed.name(), e);
        }
    }

    static long key(Feed feed) {
        // a stable 64-bit key from the feed name, in a namespace of our own
        return ("eojxds-feed:" + feed.name()).hashCode() | 0x4e4f4a0000000000L;
    }

    private static boolean call(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool discards a broken connection
            }
        }
    }

    /** A held lease; closing it releases the lock. */
    static final class Held implements AutoCloseable {

        private final Connection connection;
        private final long key;

        private Held(Connection connection, long key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void close() {
            try {
                call(connection, "SELECT pg_advisory_unlock(?)", key);
            } catch (SQLException ignored) {
                // closing the session below releases it anyway
            } finally {
                closeQuietly(connection);
            }
        }
    }
}
