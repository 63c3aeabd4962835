package dk.eojxds.repository.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.Migrations;
import dk.eojxds.testsupport.PostgresServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Group commit against PostgreSQL: every row handed over by concurrent callers is committed
 * exactly once by the time its caller returns, rows share commits under concurrency, and a
 * failed commit fails its callers instead of being acknowledged.
 */
class AuditWriterTest {

    private final DatabaseCoordinates db = PostgresServer.forTests().createDatabase("auditwriter");
    private final JdbcClient jdbc;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AuditWriter writer;

    AuditWriterTest() {
        Migrations.apply(db, "repository");
        jdbc = JdbcClient.create(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        writer = new AuditWriter(jdbc, meters);
        writer.start();
    }

    @AfterEach
    void stop() {
        writer.stop();
    }

    private static AuditWriter.Row row(String requestId, String document) {
        return new AuditWriter.Row(requestId, "RETRIEVED", null, true, "Sundhed.dk", "33257872", "Sundhed.dk",
                "system", null, null, null, null, 3, "127.0.0.1", document, "TELMA", "0101501234", "1301000016005",
                null, null, null);
    }

    @Test
    void everyConcurrentCallersRowsAreCommittedWhenItReturns() throws Exception {
        int callers = 16;
        int requestsEach = 50;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            done.add(pool.submit(() -> {
                start.await();
                for (int r = 0; r < requestsEach; r++) {
                    String request = UUID.randomUUID().toString();
                    writer.write(List.of(row(request, "doc-" + caller + "-" + r), row(request, "other-" + caller)));
                    // returned: the rows must already be visible to anyone
                    assertThat(jdbc.sql("SELECT count(*) FROM repository.retrieve_audit WHERE request_id = CAST(? AS uuid)")
                            .param(request).query(Long.class).single()).isEqualTo(2);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        assertThat(jdbc.sql("SELECT count(*) FROM repository.retrieve_audit").query(Long.class).single())
                .isEqualTo(2L * callers * requestsEach);
        assertThat(jdbc.sql("SELECT count(DISTINCT document_unique_id) FROM repository.retrieve_audit")
                .query(Long.class).single()).isEqualTo((long) callers * requestsEach + callers);
        var commits = meters.get("eojxds.repository.audit.commit.rows").summary();
        assertThat(commits.totalAmount()).isEqualTo(2.0 * callers * requestsEach);
    }

    @Test
    void aFailedCommitFailsTheCallerAndTheNextCallerStillWrites() {
        // a request id that is not a UUID makes the whole statement fail
        assertThatThrownBy(() -> writer.write(List.of(row("not-a-uuid", "doc-x"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("could not be written");
        String request = UUID.randomUUID().toString();
        writer.write(List.of(row(request, "doc-y")));
        assertThat(jdbc.sql("SELECT document_unique_id FROM repository.retrieve_audit").query(String.class).list())
                .containsExactly("doc-y");
    }

    @Test
    void anErrorWhileWritingFailsItsCallerAndTheWriterLivesOn() {
        AtomicBoolean failNext = new AtomicBoolean(true);
        JdbcClient failingOnce = (JdbcClient) Proxy.newProxyInstance(JdbcClient.class.getClassLoader(),
                new Class<?>[] {JdbcClient.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("sql") && failNext.getAndSet(false)) {
                        throw new StackOverflowError("simulated");
                    }
                    try {
                        return method.invoke(jdbc, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        AuditWriter fragile = new AuditWriter(failingOnce, meters);
        fragile.start();
        try {
            assertThatThrownBy(() -> fragile.write(List.of(row(UUID.randomUUID().toString(), "doc-e"))))
                    .isInstanceOf(IllegalStateException.class).hasRootCauseInstanceOf(StackOverflowError.class);
            fragile.write(List.of(row(UUID.randomUUID().toString(), "doc-f")));
        } finally {
            fragile.stop();
        }
        assertThat(jdbc.sql("SELECT document_unique_id FROM repository.retrieve_audit").query(String.class).list())
                .containsExactly("doc-f");
    }
}
