package dk.eojxds.ingest.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.eojxds.ingest.gateway.GatewayUnavailableException;
import dk.eojxds.ingest.testing.Fixtures;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A gateway that sends us elsewhere: a next link or a redirect to another host never gets a
 * request (so never the bearer token), and a next link that points back at a page already read
 * ends the poll instead of looping. In each case what was read before is stored.
 */
@PollingTest
@TestPropertySource(properties = {"eojxds.fkg.auth.client-id=eojxds", "eojxds.fkg.auth.client-secret=secret",
        // a feed whose polls keep failing is DOWN at once here (15 minutes by default)
        "eojxds.fkg.stalled-after=PT0S"})
class HostileGatewayTest {

    static final StubGateway GATEWAY = new StubGateway();
    static final StubGateway ELSEWHERE = new StubGateway();

    @Autowired
    DeltaPoller poller;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GatewayFeedsHealthIndicator health;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("eojxds.fkg.base-url", () -> GATEWAY.url("/fhir"));
        registry.add("eojxds.fkg.auth.token-url", () -> GATEWAY.url("/token"));
    }

    @AfterAll
    static void stop() {
        GATEWAY.close();
        ELSEWHERE.close();
    }

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE ingest.resource, ingest.change, ingest.feed_cursor, ingest.quarantine").update();
        GATEWAY.requestLog.clear();
        GATEWAY.authorizations.clear();
        ELSEWHERE.requestLog.clear();
        ELSEWHERE.authorizations.clear();
    }

    private String page(String id, String next) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[" + (next == null ? ""
                : "{\"relation\":\"next\",\"url\":\"" + next + "\"}") + "],\"entry\":[{\"resource\":"
                + Fixtures.observation(id, now.minus(Duration.ofMinutes(5))) + "}]}";
    }

    private long stored() {
        return jdbc.sql("SELECT count(*) FROM ingest.resource").query(Long.class).single();
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedAndNeverCalled() {
        GATEWAY.answer = exchange -> page("o-1", ELSEWHERE.url("/fhir/Observation?page=2"));
        ELSEWHERE.answer = exchange -> page("o-evil", null);
        assertThatThrownBy(() -> poller.pollNow("telma")).isInstanceOf(GatewayUnavailableException.class)
                .hasMessageContaining("outside the gateway's origin");
        assertThat(ELSEWHERE.requestLog).isEmpty();
        assertThat(GATEWAY.authorizations).contains("Bearer gateway-secret-token");
        assertThat(stored()).isEqualTo(1);

        // polled as the scheduler does: the feed cannot advance, and health says so
        poller.pollAll();
        assertThat(health.health().getStatus()).isEqualTo(org.springframework.boot.actuate.health.Status.DOWN);
        assertThat(health.health().getDetails().toString()).contains("cannot advance");
    }

    @Test
    void aRedirectToAnotherHostIsRefusedAndTheTokenStaysHome() {
        GATEWAY.answer = exchange -> {
            exchange.getResponseHeaders().add("Location", ELSEWHERE.url("/fhir/Observation"));
            try {
                exchange.sendResponseHeaders(302, -1);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return "";
        };
        assertThatThrownBy(() -> poller.pollNow("telma")).isInstanceOf(GatewayUnavailableException.class)
                .hasMessageContaining("outside the gateway's origin");
        assertThat(ELSEWHERE.requestLog).isEmpty();
        assertThat(ELSEWHERE.authorizations).isEmpty();
    }

    @Test
    void aNextLinkBackToAPageAlreadyReadEndsThePoll() {
        String loop = GATEWAY.url("/fhir/Observation?page=2");
        GATEWAY.answer = exchange -> page(exchange.getRequestURI().getQuery().contains("page=2") ? "o-2" : "o-1", loop);
        assertThatThrownBy(() -> poller.pollNow("telma")).isInstanceOf(GatewayUnavailableException.class)
                .hasMessageContaining("page loop");
        assertThat(GATEWAY.requestLog.stream().filter(r -> r.startsWith("/fhir")).count()).isEqualTo(2);
        assertThat(stored()).isEqualTo(2);
    }
}
