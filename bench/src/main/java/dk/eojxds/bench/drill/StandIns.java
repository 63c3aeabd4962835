package dk.eojxds.bench.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The drills' calls to the dev-stack's stand-ins (gateway simulator, registry stand-in, test STS
 * and token issuer) and to the services' operator endpoints, through one HTTP client: the drills
 * poll some of them every few hundred milliseconds while they wait.
 */
final class StandIns {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String DEV_STACK = "http://127.0.0.1:" + ServiceFleet.DEV_STACK_PORT;

    private StandIns() {
    }

    /** The SOAP headers with a DGWS ID card from the test STS. */
    static String soapHeaders() {
        return get(DEV_STACK + "/sts/soap-headers");
    }

    /** What the gateway simulator has delivered, counted as entries (a report's one by one). */
    static long gatewayResources() {
        return DrillReport.number(get(DEV_STACK + "/simulator/status"), "entries");
    }

    /** What the registry stand-in was sent and holds (JSON). */
    static String registryCounts() {
        return get(DEV_STACK + "/simulator/registry/counts");
    }

    /** Stops or resumes the gateway simulator's deliveries. */
    static void pauseGateway(boolean paused) {
        send(HttpRequest.newBuilder(URI.create(DEV_STACK + "/simulator/pause?paused=" + paused))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** An operator's call to a service (a token from the test issuer); its answer, which must be 200. */
    static String operatorCall(String method, int port, String path) {
        return operatorCall(method, port, path, "text/plain", "");
    }

    /** An operator's call with a body of the given content type; its answer, which must be 200. */
    static String operatorCall(String method, int port, String path, String contentType, String body) {
        String token = get(DEV_STACK + "/test-issuer/token");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    private static String get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).build()).body();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
