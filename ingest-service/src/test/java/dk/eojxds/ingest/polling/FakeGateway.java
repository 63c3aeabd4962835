package dk.eojxds.ingest.polling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A gateway for ingest tests on loopback: answers every request with what the test says (or with
 * raw bytes), answers {@code /token} with an access token, and remembers the requests and the
 * Authorization headers it got.
 */
final class FakeGateway {

    final HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile Function<HttpExchange, String> answer = exchange -> "{}";
    // when set, sent as they are (bytes that are not UTF-8)
    volatile byte[] rawAnswer;

    FakeGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            String body = exchange.getRequestURI().getPath().equals("/token")
                    ? "{\"access_token\":\"gateway-secret-token\",\"expires_in\":300}" : answer.apply(exchange);
            byte[] bytes = rawAnswer != null && !exchange.getRequestURI().getPath().equals("/token")
                    ? rawAnswer : body.getBytes(StandardCharsets.UTF_8);
            if (exchange.getResponseCode() == -1) {
                exchange.sendResponseHeaders(200, bytes.length);
            }
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
