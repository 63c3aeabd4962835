package dk.eojxds.ingest.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.testing.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A commit later than the safety window (the gateway makes a resource stamped ten minutes ago
 * visible only after our cursor passed it): the polls cannot see it, the reconciliation sweep
 * stores it, and it is counted and measured as late — nothing silent.
 */
@PollingTest
class LateCommitTest {

    static final StubGateway GATEWAY = new StubGateway();

    @Autowired
    DeltaPoller poller;
    @Autowired
    ReconciliationSweep sweep;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("eojxds.fkg.base-url", GATEWAY::baseUrl);
    }

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    private double lateFoundByPoll() {
        var counter = meters.find("eojxds.ingest.late.commits").tag("feed", "telma").tag("found_by", "poll").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aCommitLaterThanTheSafetyWindowIsStoredByTheSweepAndCountedAsLate() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        GATEWAY.put(Fixtures.observation("on-time", now.minus(Duration.ofMinutes(3))));
        poller.pollNow("telma");
        // three minutes old on the feed's first poll: a backlog of ours, not a late commit
        assertThat(lateFoundByPoll()).isZero();
        GATEWAY.put(Fixtures.observation("late", now.minus(Duration.ofMinutes(10))));
        // not visible to the previous poll although stamped before it, by more than 80 % of the window
        GATEWAY.put(Fixtures.observation("nearly-late", now.minus(Duration.ofSeconds(100))));
        poller.pollNow("telma");
        assertThat(jdbc.sql("SELECT resource_id FROM ingest.resource ORDER BY 1").query(String.class).list())
                .containsExactly("nearly-late", "on-time");
        assertThat(lateFoundByPoll()).isEqualTo(1);

        Feed telma = poller.feed("telma").orElseThrow();
        assertThat(sweep.sweep(telma)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT resource_id FROM ingest.resource ORDER BY 1").query(String.class).list())
                .containsExactly("late", "nearly-late", "on-time");
        assertThat(meters.counter("eojxds.ingest.late.commits", "feed", "telma", "found_by", "reconciliation").count())
                .isEqualTo(1);
        assertThat(meters.find("eojxds.ingest.commit.lag").tag("feed", "telma").summary().max())
                .isGreaterThanOrEqualTo(600);
        assertThat(sweep.sweep(telma)).as("a second sweep finds nothing new").isZero();
    }
}
