package dk.eojxds.ingest.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.eojxds.ingest.gateway.UnreadablePageException;
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
import org.springframework.test.context.TestPropertySource;

/**
 * A resource whose JSON breaks the whole page it is on (no entry of the page can be read): the feed
 * retries it for {@code unreadable-page-attempts} polls, then narrows it down by
 * {@code _lastUpdated} to a one-second window, stores everything around it (before and after, on
 * the same page or not), records the window with the raw answer in the quarantine and moves on.
 * The reconciliation sweep reads around it too.
 */
@PollingTest
@TestPropertySource(properties = {"eojxds.fkg.feeds.telma.page-size=10", "eojxds.fkg.unreadable-page-attempts=3"})
class UnreadablePageTest {

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

    @Test
    void anUnreadablePageIsRetriedThenNarrowedToItsWindowWhichIsRecordedAndSkipped() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant broken = now.minus(Duration.ofHours(5));
        for (int i = 0; i < 25; i++) {
            // 25 measurements an hour apart around the broken one; two share its page
            Instant at = now.minus(Duration.ofHours(30)).plus(Duration.ofHours(i)).plusSeconds(7);
            GATEWAY.put(Fixtures.observation("m" + i, at));
        }
        GATEWAY.putRaw("Observation", "broken", broken, "{\"resourceType\":\"Observation\",\"id\":\"broken\",\"value");

        for (int poll = 1; poll < 3; poll++) {
            assertThatThrownBy(() -> poller.pollNow("telma")).isInstanceOf(UnreadablePageException.class);
        }
        int storedBefore = count("SELECT count(*) FROM ingest.resource");
        assertThat(storedBefore).as("the readable pages before the broken one").isLessThan(25);

        poller.pollNow("telma");
        assertThat(count("SELECT count(*) FROM ingest.resource")).as("everything but the broken window").isEqualTo(25);
        String reason = jdbc.sql("SELECT reasons[1] FROM ingest.quarantine").query(String.class).single();
        assertThat(reason).startsWith("unreadable-page:");
        Instant[] window = jdbc.sql("SELECT position FROM ingest.quarantine").query(String.class).single()
                .transform(position -> new Instant[] {Instant.parse(position.substring(8, position.indexOf(','))),
                        Instant.parse(position.substring(position.indexOf(", ") + 2, position.indexOf(')')))});
        assertThat(window[0]).isBeforeOrEqualTo(broken);
        assertThat(window[1]).isAfter(broken);
        assertThat(Duration.between(window[0], window[1])).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(jdbc.sql("SELECT raw_payload FROM ingest.quarantine").query(String.class).single())
                .contains("\"id\":\"broken\"");
        assertThat(meters.counter("eojxds.ingest.unreadable.windows", "feed", "telma").count()).isEqualTo(1);

        // the feed goes on: a new measurement arrives with the next poll, the broken window stays behind
        GATEWAY.put(Fixtures.observation("after", now.minus(Duration.ofMinutes(3))));
        poller.pollNow("telma");
        assertThat(count("SELECT count(*) FROM ingest.resource WHERE resource_id = 'after'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ingest.quarantine")).isEqualTo(1);

        // a late commit behind the broken page, inside the reconciliation window: the sweep reads
        // around the page it cannot read and repairs it; it records nothing more in the quarantine
        GATEWAY.put(Fixtures.observation("late", broken.plus(Duration.ofHours(1))));
        assertThat(sweep.sweep(poller.feed("telma").orElseThrow())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ingest.resource WHERE resource_id = 'late'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ingest.quarantine")).isEqualTo(1);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
