package dk.eojxds.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dk.eojxds.ingest.feed.GatewayProperties;
import dk.eojxds.model.DataFamily;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A token endpoint that accepts the connection and never answers does not hold the token lock for ever. */
class AccessTokensTest {

    @Test
    void aSilentTokenEndpointFailsTheFetchAfterTheReadTimeout() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            GatewayProperties properties = new GatewayProperties("http://localhost/fhir", Duration.ofSeconds(5), Duration.ofSeconds(1),
                    Duration.ofMinutes(2), Duration.ofDays(7), Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Duration.ofDays(5), Duration.ofDays(7), 1, Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofSeconds(1),
                    Duration.ofMinutes(10), 5_000_000, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(6), true,
                    new GatewayProperties.Auth("http://localhost:" + silent.getLocalPort() + "/token", "eojxds", "s", null),
                    Map.of("telma", new GatewayProperties.FeedProperties(DataFamily.TELMA, "Observation", null, 10, true,
                            null, null)));
            AccessTokens tokens = new AccessTokens(properties);
            // the bound only keeps a regression from hanging the build; the read timeout under test is 1 s
            assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                    assertThatThrownBy(tokens::current).isInstanceOf(GatewayUnavailableException.class)
                            .hasMessageContaining("token endpoint"));
        }
    }
}
