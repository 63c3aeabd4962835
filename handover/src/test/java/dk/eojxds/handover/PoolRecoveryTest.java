package dk.eojxds.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * When the database server goes away under a pool (a failover: every session of the old primary
 * ends), the services' pool (Hikari, 8 connections, as the three services configure it) must not
 * keep handing out the dead connections: a statement on one fails with a connection error, which
 * every job treats as transient (its transaction rolls back, the work is claimed again), the pool
 * evicts it, and from then on every borrowed connection is a live, new session. The failover drill
 * shows the same with a real promotion; this is the piece on its own.
 */
class PoolRecoveryTest {

    private static final HandoverDatabase DB = new HandoverDatabase("poolrecovery");

    @AfterAll
    static void close() {
        DB.close();
    }

    @Test
    void aPoolWhoseServerSessionsEndedHandsOutOnlyLiveConnectionsAfterwards() throws Exception {
        HikariDataSource pool = DB.ingestRole;
        Set<Integer> before = fillPool(pool);
        assertThat(before).hasSize(pool.getMaximumPoolSize());

        // what a failover does to every session of the old primary
        DB.owner.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'eojxds_ingest' AND datname = current_database()")
                .query().listOfRows();
        await().atMost(Duration.ofSeconds(10)).until(() -> DB.owner.sql(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = 'eojxds_ingest' AND datname = current_database()").query(Long.class).single() == 0);

        List<String> failures = new ArrayList<>();
        for (int attempt = 0; attempt <= pool.getMaximumPoolSize(); attempt++) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            } catch (SQLException e) {
                failures.add(e.getSQLState());
            }
        }
        // at most one failed statement per dead connection, each a connection error (57P01
        // admin shutdown, 08xxx connection exception): what the jobs retry
        assertThat(failures).hasSizeLessThanOrEqualTo(pool.getMaximumPoolSize())
                .allMatch(state -> state != null && (state.equals("57P01") || state.startsWith("08")), "a connection error");

        Set<Integer> after = fillPool(pool);
        assertThat(after).hasSize(pool.getMaximumPoolSize()).doesNotContainAnyElementsOf(before);
    }

    // borrows every connection of the pool at once and answers their server process ids
    private static Set<Integer> fillPool(HikariDataSource pool) throws SQLException {
        List<Connection> held = new ArrayList<>();
        Set<Integer> pids = new HashSet<>();
        try {
            for (int n = 0; n < pool.getMaximumPoolSize(); n++) {
                Connection connection = pool.getConnection();
                held.add(connection);
                try (Statement statement = connection.createStatement();
                     var result = statement.executeQuery("SELECT pg_backend_pid()")) {
                    result.next();
                    pids.add(result.getInt(1));
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        return pids;
    }
}
