package dk.eojxds.ingest.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.store.FeedCursors;
import dk.eojxds.ingest.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tail poll, between full polls: it stores what is newer than the newest resource seen, never
 * moves the cursor, and leaves what commits late to the full polls.
 */
@PollingTest
class TailPollTest {

    static final StubGateway GATEWAY = new StubGateway();

    @Autowired
    DeltaPoller poller;
    @Autowired
    TailPoller tails;
    @Autowired
    FeedCursors store;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("eojxds.fkg.base-url", GATEWAY::baseUrl);
    }

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    private List<String> stored() {
        return jdbc.sql("SELECT resource_id FROM ingest.resource ORDER BY 1").query(String.class).list();
    }

    private long revision() {
        return jdbc.sql("SELECT revision FROM ingest.change").query(Long.class).single();
    }

    @Test
    void theTailStoresWhatIsNewAndLeavesTheCursorAndLateCommitsToTheFullPolls() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        GATEWAY.put(Fixtures.observation("first", now.minusSeconds(5)));
        Feed telma = poller.feed("telma").orElseThrow();
        assertThat(tails.tailNow(telma)).as("no tail before a full poll has seen the feed").isZero();
        assertThat(stored()).isEmpty();

        poller.pollNow("telma");
        Instant cursor = store.cursor(telma).orElseThrow();
        int requests = GATEWAY.requests.get();
        long revision = revision();

        GATEWAY.put(Fixtures.observation("new", Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        // stamped before the full poll began, visible only now: a late commit
        GATEWAY.put(Fixtures.observation("late", now.minus(Duration.ofSeconds(30))));
        assertThat(tails.tailNow(telma)).isEqualTo(1);
        assertThat(GATEWAY.requests.get() - requests).as("one search, no safety window").isEqualTo(1);
        assertThat(stored()).containsExactly("first", "new");
        assertThat(store.cursor(telma)).as("only full polls move the cursor").contains(cursor);
        assertThat(revision()).as("the new resource raised its document's change (live)").isEqualTo(revision + 1);
        assertThat(jdbc.sql("SELECT priority FROM ingest.change").query(Integer.class).single()).isZero();

        poller.pollNow("telma");
        assertThat(stored()).containsExactly("first", "late", "new");
    }
}
