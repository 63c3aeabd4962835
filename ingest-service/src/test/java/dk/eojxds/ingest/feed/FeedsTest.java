package dk.eojxds.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.model.DataFamily;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One registry of every way in: polled, pushed and initially loaded items all find their feed again. */
class FeedsTest {

    private final Feeds feeds = new Feeds(new GatewayProperties("http://gateway/fhir", Duration.ofSeconds(5), Duration.ofSeconds(1),
            Duration.ofMinutes(2), Duration.ofDays(7), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofDays(5),
            Duration.ofDays(7), 3, Duration.ofSeconds(1), Duration.ofMinutes(1), 3, Duration.ofMinutes(1), 
                    Duration.ofMinutes(10), 5_000_000, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(6), true, null,
            Map.of("telma", new GatewayProperties.FeedProperties(DataFamily.TELMA, "Observation", null, 100, true, null, null),
                    "kpro", new GatewayProperties.FeedProperties(DataFamily.KPRO, "QuestionnaireResponse", null, 100, false,
                            null, null))));

    @Test
    void everyWayInIsAFeed() {
        assertThat(feeds.polled()).extracting(Feed::name).containsExactly("telma");
        assertThat(feeds.of("telma", "Observation")).map(Feed::family).contains(DataFamily.TELMA);
        assertThat(feeds.of("kpro", "QuestionnaireResponse")).as("a disabled feed is not polled").isEmpty();
        assertThat(feeds.of("fsiii-push", "Bundle")).contains(Feeds.PUSH);
        assertThat(feeds.of("initial-load", "QuestionnaireResponse")).contains(Feeds.INITIAL_LOAD_KPRO);
        assertThat(feeds.of("initial-load", "Bundle")).contains(Feeds.INITIAL_LOAD_FSIII);
        assertThat(feeds.of("initial-load", "Patient")).isEmpty();
        assertThat(feeds.of("initial-load-telma", "Observation")).contains(Feeds.INITIAL_LOAD_TELMA);
        assertThat(feeds.of("nonsense", "Observation")).isEmpty();
    }
}
