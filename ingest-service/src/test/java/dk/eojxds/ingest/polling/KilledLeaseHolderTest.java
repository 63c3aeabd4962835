package dk.eojxds.ingest.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.model.DataFamily;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.PostgresServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the instance that polls a feed: its lease (a session advisory lock) goes with its
 * connection, so another instance takes the feed over as soon as PostgreSQL sees the session end —
 * at once for a killed process (the kernel closes its socket); for a machine that vanishes, after
 * the server's TCP keepalive gives up (docs/operations.md, "Failover": tcp_keepalives_idle 30 s +
 * 3 × 10 s). Until then no second poller runs: the lease is refused while the holder lives.
 */
class KilledLeaseHolderTest {

    static final Feed TELMA = new Feed("telma", DataFamily.TELMA, "Observation", null, 10);

    @Test
    void anotherInstanceTakesTheFeedOverOnceTheHolderIsKilled() throws Exception {
        DatabaseCoordinates db = PostgresServer.forTests().createDatabase("lease-kill");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LeaseHolder.class.getName(), db.url(), db.user(),
                db.password() == null ? "" : db.password()).redirectErrorStream(true).start();
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(db.url());
            pool.setUsername(db.user());
            pool.setPassword(db.password());
            CountDownLatch held = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.equals("HELD")) {
                            held.countDown();
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the process was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
            assertThat(held.await(60, TimeUnit.SECONDS)).as("the other process holds the lease").isTrue();
            FeedLease lease = new FeedLease(pool);
            assertThat(lease.tryAcquire(TELMA)).as("no second poller while the holder lives").isEmpty();

            holder.destroyForcibly().waitFor();

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Optional<FeedLease.Held> taken = lease.tryAcquire(TELMA);
                taken.ifPresent(FeedLease.Held::close);
                return taken.isPresent();
            });
        } finally {
            holder.destroyForcibly();
        }
    }

    /** The instance to be killed: takes the lease of the TELMA feed, says HELD, and keeps it. */
    static final class LeaseHolder {

        public static void main(String[] args) throws Exception {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(args[0]);
            pool.setUsername(args[1]);
            pool.setPassword(args[2]);
            Optional<FeedLease.Held> lease = new FeedLease(pool).tryAcquire(TELMA);
            System.out.println(lease.isPresent() ? "HELD" : "REFUSED");
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
