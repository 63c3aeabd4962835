package dk.eojxds.ingest.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.ingest.IngestApplication;
import dk.eojxds.ingest.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A feed whose gateway hangs delays no other feed: each is polled on its own thread. */
@SpringBootTest(classes = IngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.config.name=ingest-service", "eojxds.fkg.enabled=false", "eojxds.fkg.max-attempts=1",
        "eojxds.fkg.read-timeout=PT60S", "eojxds.fkg.feeds.fsiii.enabled=false"})
class IndependentFeedsTest {

    static final StubGateway HANGING = new StubGateway();
    static final StubGateway HEALTHY = new StubGateway();
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Autowired
    DeltaPoller poller;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry registry) {
        registry.add("eojxds.fkg.base-url", () -> HANGING.url("/fhir"));
        registry.add("eojxds.fkg.feeds.kpro.base-url", () -> HEALTHY.url("/fhir"));
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        HANGING.close();
        HEALTHY.close();
    }

    @Test
    void aHangingFeedDelaysNoOther() throws Exception {
        Instant updated = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(5));
        HANGING.answer = exchange -> {
            try {
                RELEASE.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}";
        };
        HEALTHY.answer = exchange -> "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
                + Fixtures.response("q-1", updated) + "}]}";
        List<Future<?>> polls = poller.startDue();
        assertThat(polls).hasSize(2);
        // feeds are started in name order: kpro, then telma (which hangs)
        polls.get(0).get(20, TimeUnit.SECONDS);
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.resource WHERE family = 'KPRO'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(polls.get(1).isDone()).isFalse();
        assertThat(poller.status()).containsKey("kpro").doesNotContainKey("telma");
        assertThat(poller.startDue()).as("the hanging feed is not started twice").hasSize(1);
        RELEASE.countDown();
        for (Future<?> poll : polls) {
            poll.get(30, TimeUnit.SECONDS);
        }
        assertThat(poller.status()).containsKeys("telma", "kpro");
    }
}
