package dk.eojxds.handover;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * An instance of the build job, in a process of its own, for {@link KilledInstanceTest}: it drains
 * the change queue with two workers as the repository's role, records every change it works on,
 * completes its batch, says {@code MIDWAY} once per worker, and then waits inside its open
 * transactions to be killed.
 *
 * <p>Arguments: JDBC URL, user, password.
 */
final class DrainingInstance {

    private DrainingInstance() {
    }

    public static void main(String[] args) throws Exception {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(args[0]);
        pool.setUsername(args[1]);
        pool.setPassword(args[2]);
        ChangeQueue queue = new ChangeQueue(new JdbcTemplate(pool));
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        CountDownLatch never = new CountDownLatch(1);
        try (Drain drain = new Drain("killed", new JdbcTransactionManager(pool), 10, 2, e -> false)) {
            drain.run(max -> queue.claim(Set.of("TELMA"), max), (List<Change> batch, Drain.Items items) -> {
                for (Change change : batch) {
                    jdbc.update("INSERT INTO public.kill_done (series) VALUES (?)", change.series().partitionKey());
                }
                queue.complete(batch);
                synchronized (System.out) {
                    System.out.println("MIDWAY");
                    System.out.flush();
                }
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
