package dk.eojxds.repository.audit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes audit rows with group commit: each caller queues its rows; whichever caller finds no
 * commit under way becomes the leader and inserts everything queued in one statement and one
 * commit, then goes on while rows keep arriving (a few batches at most); the others wait for
 * their rows' commit. Under load one commit (a WAL flush, the dearest part of an audit row)
 * serves every concurrent retrieve; alone, a row waits only for its own commit; and no thread is
 * woken just to write. Nothing is acknowledged before it is durable, so an answer is never sent
 * without its audit row.
 */
@Component
class AuditWriter {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    private static final int MAX_BATCH = 512;
    private static final int MAX_BATCHES_PER_LEADER = 8;
    private static final long WAIT_SECONDS = 10;
    // a waiting caller looks again this often whether nobody is leading (rows queued just as a
    // leader finished); a commit normally wakes it long before
    private static final long RETRY_MICROS = 500;

    private final JdbcClient jdbc;
    private final DistributionSummary batchSizes;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock leader = new ReentrantLock();

    AuditWriter(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.batchSizes = DistributionSummary.builder("eojxds.repository.audit.commit.rows")
                .description("audit rows per commit (group commit)").register(meters);
    }

    /** An audit row as written: one per requested document, or one for a refused request. */
    record Row(String requestId, String outcome, String reason, boolean callerVerified, String callerSystem,
               String callerOrganisationId, String callerOrganisationName, String cardType, String userRole,
               String userOrganisationSor, String userType, int securityLevel, String remoteAddress,
               String documentUniqueId, String family, String citizenCpr, String dataMunicipalitySor) {
    }

    private record Pending(List<Row> rows, CompletableFuture<Void> committed) {
    }

    /** Returns once the rows are committed; throws if they could not be. */
    void write(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Pending mine = new Pending(rows, new CompletableFuture<>());
        queue.add(mine);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!mine.committed().isDone()) {
            if (leader.tryLock()) {
                try {
                    for (int i = 0; i < MAX_BATCHES_PER_LEADER && (!mine.committed().isDone() || !queue.isEmpty());
                         i++) {
                        commitQueued();
                    }
                } finally {
                    leader.unlock();
                }
            } else {
                awaitCommit(mine, deadline);
            }
        }
        try {
            mine.committed().join();
        } catch (CompletionException e) {
            throw new IllegalStateException("audit rows could not be written", e.getCause());
        }
    }

    private static void awaitCommit(Pending mine, long deadline) {
        try {
            mine.committed().get(RETRY_MICROS, TimeUnit.MICROSECONDS);
        } catch (TimeoutException e) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("audit rows were not committed within " + WAIT_SECONDS + " s", e);
            }
        } catch (ExecutionException e) {
            // failed: reported by the caller's join
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while audit rows were written", e);
        }
    }

    private void commitQueued() {
        List<Pending> batch = new ArrayList<>();
        int rows = 0;
        for (Pending next = queue.poll(); next != null; next = rows < MAX_BATCH ? queue.poll() : null) {
            batch.add(next);
            rows += next.rows().size();
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            insert(batch);
            batch.forEach(p -> p.committed().complete(null));
        } catch (RuntimeException e) {
            log.error("Could not write {} audit rows", rows, e);
            batch.forEach(p -> p.committed().completeExceptionally(e));
        }
    }

    // one statement whatever the batch size: the rows travel as one array per column
    private void insert(List<Pending> batch) {
        List<Row> rows = batch.stream().flatMap(p -> p.rows().stream()).toList();
        batchSizes.record(rows.size());
        jdbc.sql("INSERT INTO repository.retrieve_audit (" + AuditTrail.COLUMNS + """
                        ) SELECT CAST(r AS uuid), o, re, CAST(v AS boolean), s, oi, onm, ct, ur, uo, ut, CAST(l AS int), ra,
                                 d, f, CAST(c AS char(10)), m
                        FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                    CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                    CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                    CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                    CAST(? AS text[]))
                             AS t (r, o, re, v, s, oi, onm, ct, ur, uo, ut, l, ra, d, f, c, m)""")
                .param(column(rows, Row::requestId)).param(column(rows, Row::outcome)).param(column(rows, Row::reason))
                .param(column(rows, r -> Boolean.toString(r.callerVerified()))).param(column(rows, Row::callerSystem))
                .param(column(rows, Row::callerOrganisationId)).param(column(rows, Row::callerOrganisationName))
                .param(column(rows, Row::cardType)).param(column(rows, Row::userRole))
                .param(column(rows, Row::userOrganisationSor)).param(column(rows, Row::userType))
                .param(column(rows, r -> Integer.toString(r.securityLevel()))).param(column(rows, Row::remoteAddress))
                .param(column(rows, Row::documentUniqueId)).param(column(rows, Row::family))
                .param(column(rows, Row::citizenCpr)).param(column(rows, Row::dataMunicipalitySor))
                .update();
    }

    private static String[] column(List<Row> rows, java.util.function.Function<Row, String> value) {
        String[] column = new String[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }
}
