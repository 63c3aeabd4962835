package dk.eojxds.ingest.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.ingest.IngestApplication;
import dk.eojxds.testsupport.tokens.TestTokenIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ingest-service's entry points tried as an attacker would, over real HTTP with real tokens: no
 * credentials, a token from another issuer, an expired token, a token for another audience, the
 * wrong role for the path, an oversized push, another origin, and the actuator on its own port.
 */
@SpringBootTest(classes = IngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=ingest-service", "eojxds.fkg.enabled=false",
                "eojxds.push.max-request-bytes=65536"})
// metrics export is off in tests unless asked for: the Prometheus endpoint is part of what is tried here
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
class EntryPointSecurityTest {

    static final TestTokenIssuer ISSUER = new TestTokenIssuer();
    static final TestTokenIssuer OTHER_ISSUER = new TestTokenIssuer();
    static final String OPERATOR = ISSUER.operator("ops@kommune");
    static final String GATEWAY = ISSUER.token("fkg", List.of(), List.of("eojxds-push"));
    static final String QUARANTINE_ITEM = """
            INSERT INTO ingest.quarantine (feed, family, resource_type, resource_id, position, reasons, raw_payload)
            VALUES ('telma', 'TELMA', 'Observation', 'o1', 'p', '{"some-rule: 0101501234"}', '{"x":1}')""";

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", ISSUER::publicKeyLocation);
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    JdbcClient jdbc;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE ingest.quarantine").update();
    }

    @Test
    void withoutCredentialsNothingButHealthAnswers() throws Exception {
        for (String path : List.of("/admin/quarantine", "/admin/quarantine/1", "/v3/api-docs", "/anything")) {
            HttpResponse<String> response = send("GET", port, path, null, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        assertThat(send("POST", port, "/fhir/push/care-incremental-delivery", null, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void forgedExpiredOrForeignTokensAreRefused() throws Exception {
        jdbc.sql(QUARANTINE_ITEM).update();
        List<String> bad = List.of(
                OTHER_ISSUER.operator("ops@kommune"),
                ISSUER.token("ops", List.of("eojxds-operator"), List.of(), TestTokenIssuer.AUDIENCE,
                        Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1)),
                ISSUER.token("ops", List.of("eojxds-operator"), List.of(), "another-service", Instant.now(),
                        Duration.ofHours(1)),
                OPERATOR.substring(0, OPERATOR.lastIndexOf('.') + 1) + "AAAA",
                "not-a-token");
        for (String token : bad) {
            HttpResponse<String> response = send("GET", port, "/admin/quarantine", token, null);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("0101501234");
        }
        assertThat(send("GET", port, "/admin/quarantine", OPERATOR, null).body()).contains("\"resourceId\":\"o1\"");
    }

    @Test
    void eachRoleOnlyWhereItBelongs() throws Exception {
        String push = "/fhir/push/care-incremental-delivery";
        assertThat(send("GET", port, "/admin/quarantine", GATEWAY, null).statusCode()).isEqualTo(403);
        // the purge deletes data: the gateway, or anyone without the operator role, is refused
        assertThat(send("POST", port, "/admin/fsiii/purge-out-of-scope", GATEWAY, "").statusCode()).isEqualTo(403);
        assertThat(send("POST", port, "/admin/fsiii/purge-out-of-scope", null, "").statusCode()).isEqualTo(401);
        assertThat(send("POST", port, push, OPERATOR, "{}").statusCode()).isEqualTo(403);
        assertThat(send("POST", port, push, GATEWAY, "{\"resourceType\":\"Bundle\"}").statusCode()).isIn(200, 400);
        String nobody = ISSUER.token("someone", List.of("other-role"), List.of("other-scope"));
        assertThat(send("GET", port, "/admin/quarantine", nobody, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", port, "/v3/api-docs", OPERATOR, null).statusCode()).isEqualTo(200);
    }

    @Test
    void anOversizedPushIsRefusedWithoutBeingRead() throws Exception {
        HttpResponse<String> response = send("POST", port, "/fhir/push/care-incremental-delivery", GATEWAY,
                "{\"resourceType\":\"Bundle\",\"entry\":[" + "{},".repeat(40_000) + "{}]}");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("OperationOutcome");
    }

    @Test
    void theOperatorIsTheAuthenticatedCallerNotWhatTheBodyClaims() throws Exception {
        jdbc.sql(QUARANTINE_ITEM).update();
        long id = jdbc.sql("SELECT id FROM ingest.quarantine").query(Long.class).single();
        HttpResponse<String> response = send("POST", port, "/admin/quarantine/" + id + "/discard", OPERATOR,
                "{\"by\":\"mallory\",\"reason\":\"test data\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT resolved_by FROM ingest.quarantine").query(String.class).single())
                .isEqualTo("ops@kommune");
    }

    @Test
    void noOtherOriginMayReadAnAnswer() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/admin/quarantine")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/admin/quarantine")).header("Origin", "https://evil.example")
                .header("Authorization", "Bearer " + OPERATOR).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void actuatorLivesOnItsOwnPortWithDetailsOnlyForOperators() throws Exception {
        assertThat(send("GET", port, "/actuator/health", null, null).statusCode()).isIn(401, 404);
        HttpResponse<String> anonymous = send("GET", managementPort, "/actuator/health", null, null);
        assertThat(anonymous.body()).doesNotContain("components").doesNotContain("gatewayFeeds");
        assertThat(send("GET", managementPort, "/actuator/health", OPERATOR, null).body()).contains("components");
        assertThat(send("GET", managementPort, "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", managementPort, "/actuator/initialload", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", managementPort, "/actuator/initialload", GATEWAY, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", managementPort, "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        String scraper = ISSUER.token("prometheus", List.of("eojxds-metrics"), List.of());
        assertThat(send("GET", managementPort, "/actuator/prometheus", scraper, null).statusCode()).isEqualTo(200);
    }

    @Test
    void noCprNumberReachesTheLogInClear(CapturedOutput output) {
        LoggerFactory.getLogger(EntryPointSecurityTest.class).error("citizen 0101501234 failed",
                new IllegalStateException("Key (citizen_cpr)=(0202602345) already exists"));
        assertThat(output.getAll()).contains("citizen 010150-**** failed").contains("(020260-****)")
                .doesNotContain("0101501234").doesNotContain("0202602345");
    }

    private HttpResponse<String> send(String method, int onPort, String path, String bearer, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", path.startsWith("/fhir") ? "application/fhir+json" : "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
