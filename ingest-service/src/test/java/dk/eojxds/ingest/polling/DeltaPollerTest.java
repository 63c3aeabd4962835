package dk.eojxds.ingest.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.eojxds.ingest.IngestApplication;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.gateway.GatewayHttp;
import dk.eojxds.ingest.gateway.GatewayUnavailableException;
import dk.eojxds.ingest.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The delta poller against a gateway on loopback, with the real schema behind it. */
@SpringBootTest(classes = IngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.config.name=ingest-service", "eojxds.fkg.enabled=false", "eojxds.fkg.max-attempts=3",
        "eojxds.fkg.feeds.telma.page-size=2", "eojxds.fkg.feeds.kpro.enabled=false", "eojxds.fkg.feeds.fsiii.enabled=false"})
@Import(DeltaPollerTest.NoRealSleeping.class)
class DeltaPollerTest {

    static final StubGateway GATEWAY = new StubGateway();
    static final List<Long> WAITS = new CopyOnWriteArrayList<>();

    @Autowired
    DeltaPoller poller;
    @Autowired
    FeedLease lease;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GatewayFeedsHealthIndicator health;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private Feed telma;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @TestConfiguration
    static class NoRealSleeping {
        @Bean
        GatewayHttp.Sleeper sleeper() {
            return WAITS::add;
        }
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("eojxds.fkg.base-url", GATEWAY::baseUrl);
    }

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE ingest.resource, ingest.change, ingest.feed_cursor, ingest.quarantine").update();
        WAITS.clear();
        GATEWAY.clear();
        telma = poller.feed("telma").orElseThrow();
    }

    private long stored() {
        return jdbc.sql("SELECT count(*) FROM ingest.resource").query(Long.class).single();
    }

    private Instant cursor() {
        return jdbc.sql("SELECT position FROM ingest.feed_cursor WHERE feed = 'telma'")
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).single();
    }

    @Test
    void readsEveryPageAndMovesTheCursorToThePollStartMinusTheSafetyWindow() {
        for (int i = 0; i < 5; i++) {
            GATEWAY.put(Fixtures.observation("p1-" + i, now.minus(Duration.ofMinutes(10 - i))));
        }
        assertThat(poller.poll(telma)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.resource WHERE resource_id LIKE 'p1-%'")
                .query(Long.class).single()).isEqualTo(5);
        assertThat(cursor()).isBetween(now.minus(Duration.ofMinutes(2)).minusSeconds(5), now.minus(Duration.ofMinutes(2))
                .plusSeconds(5));
    }

    /** The status page and the per-municipality alerts need to know where data and bad data came from. */
    @Test
    void storedAndQuarantinedResourcesKeepTheirMunicipality() {
        GATEWAY.put(Fixtures.observation("m-good", now.minusSeconds(50)));
        GATEWAY.put(Fixtures.observation("m-bad", now.minusSeconds(40), "NPU03011", "96", "kg"));
        double before = meters.counter("eojxds.ingest.quarantined", "family", "TELMA", "municipality", Fixtures.SOR).count();
        poller.poll(telma);
        assertThat(jdbc.sql("SELECT municipality_sor FROM ingest.resource WHERE resource_id = 'm-good'")
                .query(String.class).single()).isEqualTo(Fixtures.SOR);
        assertThat(jdbc.sql("SELECT municipality_sor FROM ingest.quarantine WHERE resource_id = 'm-bad'")
                .query(String.class).single()).isEqualTo(Fixtures.SOR);
        assertThat(meters.counter("eojxds.ingest.quarantined", "family", "TELMA", "municipality", Fixtures.SOR).count())
                .isEqualTo(before + 1);
    }

    @Test
    void replayingEverythingChangesNothing() {
        GATEWAY.put(Fixtures.observation("p2", now.minus(Duration.ofMinutes(1))));
        poller.poll(telma);
        long revision = revision();
        jdbc.sql("UPDATE ingest.change SET processed_at = now()").update();
        poller.poll(telma);
        poller.poll(telma);
        assertThat(revision()).isEqualTo(revision);
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.change WHERE processed_at IS NULL").query(Long.class).single())
                .isZero();
    }

    private long revision() {
        return jdbc.sql("SELECT max(revision) FROM ingest.change").query(Long.class).single();
    }

    @Test
    void aLateCommitWithAnOlderTimestampIsNotSkipped() {
        GATEWAY.put(Fixtures.observation("p3-new", now.minusSeconds(10)));
        poller.poll(telma);
        // committed late: stamped before the newest resource already read
        GATEWAY.put(Fixtures.observation("p3-late", now.minusSeconds(40)));
        poller.poll(telma);
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.resource WHERE resource_id = 'p3-late'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anOutageFailsThePollWithoutMovingTheCursorAndTheNextPollCatchesUp() {
        GATEWAY.put(Fixtures.observation("p4", now.minusSeconds(30)));
        poller.poll(telma);
        Instant before = cursor();
        GATEWAY.put(Fixtures.observation("p4-during", now.minusSeconds(20)));
        GATEWAY.failNext(3, 503, null);
        assertThatThrownBy(() -> poller.poll(telma)).isInstanceOf(GatewayUnavailableException.class);
        assertThat(cursor()).isEqualTo(before);
        assertThat(WAITS).hasSize(2);
        poller.poll(telma);
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.resource WHERE resource_id = 'p4-during'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void retryAfterIsHonouredOnTooManyRequests() {
        GATEWAY.put(Fixtures.observation("p5", now.minusSeconds(30)));
        GATEWAY.failNext(1, 429, "7");
        poller.poll(telma);
        assertThat(WAITS).containsExactly(7000L);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void aClientErrorIsNotRetried() {
        GATEWAY.failNext(1, 400, null);
        int before = GATEWAY.requests.get();
        assertThatThrownBy(() -> poller.poll(telma)).isInstanceOf(GatewayUnavailableException.class)
                .hasMessageContaining("400");
        assertThat(GATEWAY.requests.get() - before).isEqualTo(1);
        assertThat(WAITS).isEmpty();
    }

    @Test
    void aPageThatIsNotJsonIsRetriedLaterNeverSkipped() {
        GATEWAY.put(Fixtures.observation("p6", now.minusSeconds(30)));
        GATEWAY.breakNextPage();
        assertThatThrownBy(() -> poller.poll(telma)).isInstanceOf(GatewayUnavailableException.class);
        poller.poll(telma);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void badEntriesAreQuarantinedAndTheirPageStillGoesThrough() {
        GATEWAY.put(Fixtures.observation("p7-ok", now.minusSeconds(50)));
        GATEWAY.put(Fixtures.observation("p7-bad", now.minusSeconds(40), "NPU99999", "1", "%"));
        GATEWAY.put(Fixtures.observation("p7-ok2", now.minusSeconds(30)));
        poller.poll(telma);
        assertThat(stored()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT reasons[1] FROM ingest.quarantine WHERE resource_id = 'p7-bad'")
                .query(String.class).single()).startsWith("npu-code:");
    }

    @Test
    void aFeedHeldByAnotherInstanceIsLeftAlone() {
        GATEWAY.put(Fixtures.observation("p8", now.minusSeconds(30)));
        try (FeedLease.Held other = lease.tryAcquire(telma).orElseThrow()) {
            poller.pollAll();
            assertThat(stored()).isZero();
        }
        poller.pollAll();
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void twoInstancesPollingAtOnceStoreEverythingOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            GATEWAY.put(Fixtures.observation("p9-" + i, now.minusSeconds(100 - i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = List.of(pool.submit(() -> awaitThen(start)), pool.submit(() -> awaitThen(start)));
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        assertThat(stored()).isEqualTo(20);
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.change").query(Long.class).single()).isEqualTo(1);
    }

    private void awaitThen(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poller.pollAll();
        poller.pollAll();
    }

    @Test
    void aCursorOlderThanTheGatewayKeepsDataMarksAGapAndHealthGoesDown() {
        jdbc.sql("INSERT INTO ingest.feed_cursor (feed, position) VALUES ('telma', ?)")
                .param(java.sql.Timestamp.from(now.minus(Duration.ofDays(8)))).update();
        poller.poll(telma);
        assertThat(jdbc.sql("SELECT gap_since IS NOT NULL FROM ingest.feed_cursor WHERE feed = 'telma'")
                .query(Boolean.class).single()).isTrue();
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails().toString()).contains("gap");
    }

    @Test
    void healthIsUpWhenTheFeedsAreCurrent() {
        poller.poll(telma);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(Optional.ofNullable(health.health().getDetails().get("telma"))).isPresent();
    }
}
