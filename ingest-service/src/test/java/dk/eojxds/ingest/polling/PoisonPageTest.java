package dk.eojxds.ingest.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.ingest.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One page over real HTTP with good entries among poisoned ones (no id, a NaN literal, nesting
 * 600 extensions deep, a NUL echoed into a reason, bytes that are not UTF-8): every poisoned entry
 * is quarantined on its own, the good ones are stored exactly as sent, the cursor moves on, and
 * the id-less entry is kept once however often it is seen.
 */
@PollingTest
class PoisonPageTest {

    static final StubGateway GATEWAY = new StubGateway();

    @Autowired
    DeltaPoller poller;
    @Autowired
    JdbcClient jdbc;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("eojxds.fkg.base-url", () -> GATEWAY.url("/fhir"));
    }

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE ingest.resource, ingest.change, ingest.feed_cursor, ingest.quarantine").update();
        GATEWAY.rawAnswer = null;
    }

    private String observation(String id, String value) {
        return Fixtures.observation(id, now.minus(Duration.ofMinutes(5)), "NPU03011", value, "%");
    }

    private static String page(List<String> resources) {
        StringBuilder page = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[");
        for (int i = 0; i < resources.size(); i++) {
            page.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources.get(i)).append('}');
        }
        return page.append("]}").toString();
    }

    @Test
    void everyPoisonedEntryIsQuarantinedAloneAndTheGoodOnesAreStoredAsSent() {
        String good = observation("good-1", "80.50");
        String noId = observation("x", "96").replace("\"id\":\"x\",", "");
        String nan = observation("nan-1", "NaN");
        String deep = observation("deep-1", "96").replace("\"status\":\"final\",", "\"status\":\"final\","
                + "\"extension\":" + "[{\"url\":\"http://e\",\"extension\":".repeat(600) + "[]" + "}]".repeat(600) + ",");
        // an unknown code is echoed into the reason: the NUL in it must not fail the page
        String nul = observation("nul-1", "96").replace("\"NPU03011\"", "\"NPU0301\\u00001\"");
        String good2 = observation("good-2", "97.0");
        GATEWAY.answer = exchange -> page(List.of(good, noId, nan, deep, nul, good2));

        poller.pollNow("telma");

        assertThat(jdbc.sql("SELECT resource_id, raw_json FROM ingest.resource ORDER BY resource_id")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list())
                .containsExactly(Map.entry("good-1", good.strip()), Map.entry("good-2", good2.strip()));
        assertThat(jdbc.sql("SELECT coalesce(resource_id, '-') FROM ingest.quarantine ORDER BY 1").query(String.class)
                .list()).containsExactly("-", "deep-1", "nan-1", "nul-1");
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.feed_cursor WHERE feed = 'telma'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT array_to_string(reasons, ' ') FROM ingest.quarantine WHERE resource_id IS NULL")
                .query(String.class).single()).startsWith("id:");

        poller.pollNow("telma");
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.quarantine").query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT times_seen FROM ingest.quarantine WHERE resource_id IS NULL").query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Test
    void bytesThatAreNotUtf8RefuseTheirEntryAndNoOther() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String page = page(List.of(observation("good-1", "96"), observation("latin-1", "96"), observation("good-2", "96")));
        int broken = page.indexOf("Ærø", page.indexOf("latin-1"));
        bytes.write(page.substring(0, broken).getBytes(StandardCharsets.UTF_8));
        bytes.write("Ærø".getBytes(StandardCharsets.ISO_8859_1));
        bytes.write(page.substring(broken + 3).getBytes(StandardCharsets.UTF_8));
        GATEWAY.rawAnswer = bytes.toByteArray();

        poller.pollNow("telma");

        assertThat(jdbc.sql("SELECT resource_id FROM ingest.resource ORDER BY 1").query(String.class).list())
                .containsExactly("good-1", "good-2");
        assertThat(jdbc.sql("SELECT resource_id || ' ' || array_to_string(reasons, ' ') FROM ingest.quarantine")
                .query(String.class).single()).startsWith("latin-1 encoding:");
    }
}
