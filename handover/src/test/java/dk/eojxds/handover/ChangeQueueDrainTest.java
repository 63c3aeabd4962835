package dk.eojxds.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The change queue and the drain against PostgreSQL, as the runtime roles that use them: batch
 * claim and completion, a failing item beside good ones, live before backlog, a halt, a crash, and
 * two instances sharing one queue.
 */
class ChangeQueueDrainTest {

    private static final HandoverDatabase DB = new HandoverDatabase("handoverchanges");
    private static final Set<String> TELMA = Set.of("TELMA");

    private final ChangeQueue producer = new ChangeQueue(HandoverDatabase.jdbc(DB.ingestRole));
    private final ChangeQueue consumer = new ChangeQueue(HandoverDatabase.jdbc(DB.repositoryRole));

    @AfterAll
    static void close() {
        DB.close();
    }

    @BeforeEach
    void empty() {
        DB.owner.sql("TRUNCATE ingest.change").update();
    }

    private static SeriesKey day(int n) {
        return new SeriesKey("TELMA", "0101501234", "2026-11-%02d".formatted(n));
    }

    private void raise(int from, int to, Priority priority) {
        for (int n = from; n <= to; n++) {
            producer.enqueue(day(n), priority);
        }
    }

    private long pending() {
        return DB.owner.sql("SELECT count(*) FROM ingest.change WHERE processed_at IS NULL").query(Long.class).single();
    }

    private Drain drain(int batch, int workers, java.util.function.Predicate<RuntimeException> halts) {
        return new Drain("test", HandoverDatabase.transactions(DB.repositoryRole), batch, workers, halts);
    }

    @Test
    void aBatchIsClaimedLiveFirstThenOldestAndCompletedTogether() {
        raise(1, 3, Priority.BACKLOG);
        raise(4, 5, Priority.LIVE);
        List<Change> claimed = new TransactionTemplate(HandoverDatabase.transactions(DB.repositoryRole)).execute(tx -> {
            List<Change> batch = consumer.claim(TELMA, 4);
            consumer.complete(batch);
            return batch;
        });
        assertThat(claimed).extracting(c -> c.series().partitionKey())
                .containsExactly("2026-11-04", "2026-11-05", "2026-11-01", "2026-11-02");
        assertThat(claimed).extracting(Change::priority)
                .containsExactly(Priority.LIVE, Priority.LIVE, Priority.BACKLOG, Priority.BACKLOG);
        assertThat(pending()).isEqualTo(1);
    }

    private List<Change> claimable() {
        return new TransactionTemplate(HandoverDatabase.transactions(DB.repositoryRole))
                .execute(tx -> consumer.claim(TELMA, 10));
    }

    @Test
    void whatARunningInitialLoadHoldsIsBuiltOnceItFinishesOrWhenHeldTooLong() {
        raise(1, 2, Priority.HELD);
        assertThat(claimable()).isEmpty();
        DB.owner.sql("UPDATE ingest.change SET changed_at = now() - interval '2 hours' WHERE partition_key = '2026-11-01'")
                .update();
        assertThat(claimable()).extracting(c -> c.series().partitionKey())
                .as("a load abandoned for longer than HELD_AT_MOST does not keep its documents from being built")
                .containsExactly("2026-11-01");
        assertThat(producer.release()).isEqualTo(2);
        assertThat(claimable()).extracting(Change::priority)
                .containsOnly(Priority.BACKLOG).hasSize(2);
        raise(3, 3, Priority.HELD);
        raise(3, 3, Priority.LIVE);
        assertThat(claimable()).extracting(Change::priority)
                .as("a live delta for a held series is built at once").startsWith(Priority.LIVE);
    }

    @Test
    void backlogIsBuiltCitizenByCitizenAndLiveOldestFirst() {
        producer.enqueue(new SeriesKey("TELMA", "0202601234", "2026-11-01"), Priority.BACKLOG);
        producer.enqueue(new SeriesKey("TELMA", "0101501234", "2026-11-01"), Priority.BACKLOG);
        producer.enqueue(new SeriesKey("TELMA", "0202601234", "2026-11-02"), Priority.BACKLOG);
        producer.enqueue(new SeriesKey("TELMA", "0303701234", "2026-11-03"), Priority.LIVE);
        producer.enqueue(new SeriesKey("TELMA", "0101501234", "2026-11-03"), Priority.LIVE);
        assertThat(claimable()).extracting(c -> c.series().citizenCpr() + " " + c.series().partitionKey())
                .containsExactly("0303701234 2026-11-03", "0101501234 2026-11-03", "0101501234 2026-11-01",
                        "0202601234 2026-11-01", "0202601234 2026-11-02");
    }

    @Test
    void completingAnOlderRevisionLeavesTheNewerChangePending() {
        raise(1, 1, Priority.LIVE);
        TransactionTemplate transactions = new TransactionTemplate(HandoverDatabase.transactions(DB.repositoryRole));
        List<Change> seen = claimable();
        producer.enqueue(day(1), Priority.LIVE); // ingest raises the series again before the build completes
        transactions.executeWithoutResult(tx -> consumer.complete(seen));
        assertThat(pending()).isEqualTo(1);
    }

    @Test
    void aFailingItemIsRecordedAndDoesNotHoldUpItsBatchNeighbours() {
        raise(1, 10, Priority.LIVE);
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        try (Drain drain = drain(4, 1, e -> false)) {
            int claimed = drain.run(max -> consumer.claim(TELMA, max), change -> {
                if (change.series().partitionKey().equals("2026-11-06")) {
                    // its writes so far must be rolled back with it
                    consumer.requeue(List.of(day(1)), Priority.BACKLOG);
                    throw new IllegalStateException("bad data");
                }
                consumer.complete(List.of(change));
            }, (change, cause) -> {
                failed.add(change.series().partitionKey() + ": " + cause.getMessage());
                consumer.complete(List.of(change));
            });
            assertThat(claimed).isEqualTo(10);
        }
        assertThat(failed).containsExactly("2026-11-06: bad data");
        assertThat(pending()).isZero();
        assertThat(DB.owner.sql("SELECT count(*) FROM ingest.change WHERE priority = 1").query(Long.class).single())
                .as("the failed item's own writes were rolled back").isZero();
    }

    @Test
    void aHaltKeepsWhatTheBatchFinishedAndLeavesTheRestPending() {
        raise(1, 6, Priority.LIVE);
        try (Drain drain = drain(6, 1, e -> e instanceof UnsupportedOperationException)) {
            assertThatThrownBy(() -> drain.run(max -> consumer.claim(TELMA, max), change -> {
                if (change.series().partitionKey().equals("2026-11-03")) {
                    throw new UnsupportedOperationException("the CPR lookup is down");
                }
                consumer.complete(List.of(change));
            }, (change, cause) -> {
                throw new AssertionError("a halt is not an item failure");
            })).isInstanceOf(Drain.Halted.class);
        }
        assertThat(pending()).isEqualTo(4);
    }

    @Test
    void aBatchThatDiesMidWayLosesNothing() {
        raise(1, 5, Priority.LIVE);
        try (Drain drain = drain(5, 1, e -> false)) {
            assertThatThrownBy(() -> drain.run(max -> consumer.claim(TELMA, max), (batch, items) -> {
                consumer.complete(batch.subList(0, 2));
                throw new IllegalStateException("the process dies");
            })).hasMessage("the process dies");
        }
        assertThat(pending()).isEqualTo(5);
    }

    @Test
    void twoInstancesWithTwoWorkersEachNeverTakeOneChangeTwice() throws Exception {
        raise(1, 28, Priority.LIVE);
        DB.owner.sql("""
                INSERT INTO ingest.change (family, citizen_cpr, partition_key, priority)
                SELECT 'TELMA', lpad(n::text, 10, '0'), '2026-11-20', 1 FROM generate_series(1, 400) n
                """).update();
        Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> instances = new ArrayList<>();
        List<Integer> claimed = Collections.synchronizedList(new ArrayList<>());
        for (int instance = 0; instance < 2; instance++) {
            ChangeQueue queue = new ChangeQueue(HandoverDatabase.jdbc(DB.repositoryRole));
            Thread thread = new Thread(() -> {
                try (Drain drain = drain(7, 2, e -> false)) {
                    start.await();
                    claimed.add(drain.run(max -> queue.claim(TELMA, max), change -> {
                        taken.computeIfAbsent(change.series().citizenCpr() + change.series().partitionKey(),
                                k -> new AtomicInteger()).incrementAndGet();
                        queue.complete(List.of(change));
                    }, (change, cause) -> {
                        throw new AssertionError(cause);
                    }));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            instances.add(thread);
        }
        start.countDown();
        for (Thread thread : instances) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(taken).hasSize(428);
        assertThat(taken.values()).allMatch(count -> count.get() == 1);
        assertThat(claimed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(428);
        assertThat(pending()).isZero();
    }
}
