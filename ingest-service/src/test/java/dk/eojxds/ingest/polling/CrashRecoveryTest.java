package dk.eojxds.ingest.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.eojxds.ingest.IngestApplication;
import dk.eojxds.ingest.testing.Fixtures;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.Migrations;
import dk.eojxds.testsupport.PostgresServer;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of ingest-service between fetching a page and committing it: nothing is lost. The test
 * holds a lock on the feed's cursor row, so the service's first page transaction (resources,
 * change rows, cursor) stops right before its commit; the process is then killed, the lock
 * released, and a restarted service must store every resource.
 */
class CrashRecoveryTest {

    @Test
    void aServiceKilledBeforeItsPageCommitLosesNothingOnRestart() throws Exception {
        DatabaseCoordinates db = PostgresServer.forTests().createDatabase("crash");
        Migrations.apply(db, "ingest");
        Instant now = Instant.now();
        try (StubGateway gateway = new StubGateway();
             Connection test = DriverManager.getConnection(db.url(), db.user(), db.password());
             // activity statistics are a snapshot per transaction: watch from a connection of its own
             Connection watcher = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            for (int i = 0; i < 6; i++) {
                gateway.put(Fixtures.observation("crash-" + i, now.minusSeconds(600 - i)));
            }
            execute(test, "INSERT INTO ingest.feed_cursor (feed, position) VALUES ('telma', '" + Timestamp.from(
                    now.minus(Duration.ofHours(1))) + "+00')");
            test.setAutoCommit(false);
            execute(test, "SELECT * FROM ingest.feed_cursor WHERE feed = 'telma' FOR UPDATE");

            Process first = start(db, gateway, "first");
            try {
                await().atMost(Duration.ofSeconds(40)).until(() -> waitingOnALock(watcher) > 0);
            } finally {
                first.destroyForcibly().waitFor();
            }
            test.rollback();
            test.setAutoCommit(true);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(test, "SELECT count(*) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'") == 0);
            assertThat(count(test, "SELECT count(*) FROM ingest.resource")).as("the killed page never committed").isZero();

            Process second = start(db, gateway, "second");
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> count(test, "SELECT count(*) FROM ingest.resource") == 6);
            } finally {
                second.destroyForcibly().waitFor();
            }
            assertThat(count(test, "SELECT count(*) FROM ingest.change WHERE family = 'TELMA'")).isEqualTo(1);
        }
    }

    private static Process start(DatabaseCoordinates db, StubGateway gateway, String name) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), IngestApplication.class.getName(),
                "--server.port=0", "--management.server.port=0", "--eojxds.fkg.base-url=" + gateway.baseUrl(),
                "--eojxds.fkg.poll-interval=PT0.2S", "--eojxds.fkg.feeds.telma.page-size=2",
                "--eojxds.fkg.feeds.kpro.enabled=false", "--eojxds.fkg.feeds.fsiii.enabled=false"));
        command.addAll(db.serviceArgs(null));
        File log = new File("target/crash-recovery-" + name + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static long waitingOnALock(Connection connection) throws Exception {
        return count(connection, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND wait_event_type = 'Lock'");
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
