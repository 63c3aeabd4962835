package dk.eojxds.ingest.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.eojxds.ingest.feed.GatewayProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * OAuth2 client-credentials tokens for the gateway (Keycloak), fetched on first use and renewed
 * shortly before they expire or when the gateway answers 401.
 */
@Component
class AccessTokens {

    private final GatewayProperties.Auth auth;
    private final HttpClient http;
    private final java.time.Duration timeout;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock = Clock.systemUTC();
    private String token;
    private Instant renewAt = Instant.MIN;

    AccessTokens(GatewayProperties properties) {
        this.auth = properties.auth();
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        // the lock below is held while a token is fetched: a hanging token endpoint must not hold it for ever
        this.timeout = properties.readTimeout();
    }

    synchronized Optional<String> current() {
        if (auth == null || !auth.enabled()) {
            return Optional.empty();
        }
        if (token == null || clock.instant().isAfter(renewAt)) {
            fetch();
        }
        return Optional.of(token);
    }

    synchronized void invalidate() {
        token = null;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(auth.clientId())
                + "&client_secret=" + encode(auth.clientSecret())
                + (auth.scope() == null || auth.scope().isBlank() ? "" : "&scope=" + encode(auth.scope()));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(auth.tokenUrl()))
                    .timeout(timeout).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new GatewayUnavailableException("token endpoint answered " + response.statusCode(), null);
            }
            JsonNode body = json.readTree(response.body());
            String received = body.path("access_token").asText("");
            if (received.isBlank()) {
                throw new GatewayUnavailableException("token endpoint answered without an access_token", null);
            }
            token = received;
            long lifetime = body.path("expires_in").asLong(60);
            // renew at 80% of the lifetime, so a token never expires in flight
            renewAt = clock.instant().plusSeconds(Math.max(1, lifetime * 8 / 10));
        } catch (IOException e) {
            throw new GatewayUnavailableException("token endpoint unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
