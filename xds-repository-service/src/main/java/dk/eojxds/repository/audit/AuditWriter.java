package dk.eojxds.repository.audit;

import dk.eojxds.handover.WorkerThreads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes audit rows with group commit: each caller hands over its rows and waits until they are
 * committed; one writer thread inserts everything handed over meanwhile in one statement and one
 * commit. Under load a commit (a WAL flush, the dearest part of an audit row) serves every
 * concurrent retrieve instead of one; alone, a row waits only for its own commit. Nothing is
 * acknowledged before it is durable, so an answer is never sent without its audit row.
 */
@Component
class AuditWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    private static final String COLUMNS = """
            request_id, outcome, reason, caller_verified, caller_system, caller_organisation_id,
            caller_organisation_name, card_type, user_role, user_organisation_sor, user_type, user_source,
            security_level, remote_address, document_unique_id, family, citizen_cpr, data_municipality_sor,
            user_cpr, user_name, user_authorisation_code""";
    private static final int MAX_BATCH = 512;
    private static final long WAIT_SECONDS = 10;

    private final JdbcClient jdbc;
    private final DistributionSummary batchSizes;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(10_000);
    private volatile Thread writer;
    private volatile boolean running;

    private final Counter failures;
    private volatile Instant lastFailure;
    private volatile Instant lastCommit;

    AuditWriter(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.failures = Counter.builder("eojxds.repository.audit.failures")
                .description("audit commits that failed (their retrieves failed with them)").register(meters);
        this.batchSizes = DistributionSummary.builder("eojxds.repository.audit.commit.rows")
                .description("audit rows per commit (group commit)").register(meters);
    }

    /** An audit row as written: one per requested document, or one for a refused request. */
    record Row(String requestId, String outcome, String reason, boolean callerVerified, String callerSystem,
               String callerOrganisationId, String callerOrganisationName, String cardType, String userRole,
               String userOrganisationSor, String userType, String userSource, int securityLevel, String remoteAddress,
               String documentUniqueId, String family, String citizenCpr, String dataMunicipalitySor,
               String userCpr, String userName, String userAuthorisationCode) {
    }

    private record Pending(List<Row> rows, CompletableFuture<Void> committed) {
    }

    private void failed() {
        failures.increment();
        lastFailure = Instant.now();
    }

    /** Failed commits since this instance started, and whether the latest commit attempt failed. */
    AuditTrail.WriterHealth health() {
        Instant failed = lastFailure;
        Instant committed = lastCommit;
        return new AuditTrail.WriterHealth((long) failures.count(), failed,
                failed != null && (committed == null || failed.isAfter(committed)));
    }

    /** Returns once the rows are committed; throws if they could not be. */
    void write(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Pending pending = new Pending(rows, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            failed();
            throw new IllegalStateException("the audit trail does not accept rows now");
        }
        try {
            pending.committed().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("audit rows could not be written", e.getCause());
        } catch (TimeoutException e) {
            failed();
            throw new IllegalStateException("audit rows were not committed within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while audit rows were written", e);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                insert(batch);
                lastCommit = Instant.now();
                batch.forEach(p -> p.committed().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException | Error e) {
                // an Error too (OutOfMemoryError, a linkage error): the callers fail, the writer lives on,
                // or every later retrieve would wait for a thread that is gone
                log.error("Could not write {} audit rows", batch.stream().mapToInt(p -> p.rows().size()).sum(), e);
                failed();
                batch.forEach(p -> p.committed().completeExceptionally(e));
            }
            batch.clear();
        }
        queue.forEach(p -> p.committed().completeExceptionally(new IllegalStateException("audit writer stopped")));
    }

    // one statement whatever the batch size: the rows travel as one array per column
    private void insert(List<Pending> batch) {
        List<Row> rows = batch.stream().flatMap(p -> p.rows().stream()).toList();
        batchSizes.record(rows.size());
        jdbc.sql("INSERT INTO repository.retrieve_audit (" + COLUMNS + """
                        ) SELECT CAST(r AS uuid), o, re, CAST(v AS boolean), s, oi, onm, ct, ur, uo, ut, us, CAST(l AS int), ra,
                                 d, f, CAST(c AS char(10)), m, CAST(uc AS char(10)), un, ua
                        FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                    CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                    CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                    CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                    CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                    CAST(? AS text[]))
                             AS t (r, o, re, v, s, oi, onm, ct, ur, uo, ut, us, l, ra, d, f, c, m, uc, un, ua)""")
                .param(column(rows, Row::requestId)).param(column(rows, Row::outcome)).param(column(rows, Row::reason))
                .param(column(rows, r -> Boolean.toString(r.callerVerified()))).param(column(rows, Row::callerSystem))
                .param(column(rows, Row::callerOrganisationId)).param(column(rows, Row::callerOrganisationName))
                .param(column(rows, Row::cardType)).param(column(rows, Row::userRole))
                .param(column(rows, Row::userOrganisationSor)).param(column(rows, Row::userType))
                .param(column(rows, Row::userSource))
                .param(column(rows, r -> Integer.toString(r.securityLevel()))).param(column(rows, Row::remoteAddress))
                .param(column(rows, Row::documentUniqueId)).param(column(rows, Row::family))
                .param(column(rows, Row::citizenCpr)).param(column(rows, Row::dataMunicipalitySor))
                .param(column(rows, Row::userCpr)).param(column(rows, Row::userName))
                .param(column(rows, Row::userAuthorisationCode))
                .update();
    }

    private static String[] column(List<Row> rows, java.util.function.Function<Row, String> value) {
        String[] column = new String[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }

    @Override
    public void start() {
        running = true;
        writer = WorkerThreads.start("audit-writer", this::run);
    }

    @Override
    public void stop() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // stop after the web server (which stops at a higher phase) so that no retrieve waits in vain
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }
}
