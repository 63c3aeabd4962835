package dk.eojxds.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a whole instance in the middle of its batches: another process drains the queue with
 * two workers, has recorded and completed two batches inside their open transactions, and is then
 * killed (SIGKILL). Nothing it did is kept, its locks die with its connections, and a second
 * instance then works every change exactly once.
 */
class KilledInstanceTest {

    private static final HandoverDatabase DB = new HandoverDatabase("handoverkill");

    @AfterAll
    static void close() {
        DB.close();
    }

    private long count(String sql) {
        return DB.owner.sql(sql).query(Long.class).single();
    }

    @Test
    void aKilledInstanceLosesNothingAndNothingIsWorkedTwice() throws Exception {
        DB.owner.sql("CREATE TABLE IF NOT EXISTS public.kill_done (series text NOT NULL)").update();
        DB.owner.sql("GRANT SELECT, INSERT ON public.kill_done TO eojxds_repository").update();
        ChangeQueue producer = new ChangeQueue(HandoverDatabase.jdbc(DB.ingestRole));
        for (int n = 1; n <= 30; n++) {
            producer.enqueue(new SeriesKey("TELMA", "0101501234", "2026-10-%02d".formatted(n)), Priority.LIVE);
        }
        var role = DB.coordinates.as("eojxds_repository");
        Process instance = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DrainingInstance.class.getName(),
                role.url(), role.user(), role.password() == null ? "" : role.password())
                .redirectErrorStream(true).start();
        try {
            AtomicInteger midway = new AtomicInteger();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(instance.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.equals("MIDWAY")) {
                            midway.incrementAndGet();
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the process was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> midway.get() == 2);
            assertThat(count("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE usename = 'eojxds_repository' AND state = 'idle in transaction'"))
                    .as("both workers hold their batches in open transactions").isEqualTo(2);
        } finally {
            instance.destroyForcibly();
            instance.waitFor();
        }
        assertThat(instance.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        // its work was never committed; its locks go with its connections
        assertThat(count("SELECT count(*) FROM public.kill_done")).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = 'eojxds_repository' AND state = 'idle in transaction'") == 0);
        assertThat(count("SELECT count(*) FROM ingest.change WHERE processed_at IS NULL")).isEqualTo(30);

        ChangeQueue consumer = new ChangeQueue(HandoverDatabase.jdbc(DB.repositoryRole));
        var jdbc = HandoverDatabase.jdbc(DB.repositoryRole);
        try (Drain drain = new Drain("survivor", HandoverDatabase.transactions(DB.repositoryRole), 10, 2, e -> false)) {
            drain.run(max -> consumer.claim(Set.of("TELMA"), max), (List<Change> batch, Drain.Items items) -> {
                for (Change change : batch) {
                    jdbc.update("INSERT INTO public.kill_done (series) VALUES (?)", change.series().partitionKey());
                }
                consumer.complete(batch);
            });
        }
        assertThat(count("SELECT count(*) FROM ingest.change WHERE processed_at IS NULL")).isZero();
        assertThat(count("SELECT count(*) FROM public.kill_done")).isEqualTo(30);
        assertThat(count("SELECT count(DISTINCT series) FROM public.kill_done")).isEqualTo(30);
    }
}
