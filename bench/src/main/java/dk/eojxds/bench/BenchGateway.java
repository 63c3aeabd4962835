package dk.eojxds.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The benchmark's gateway simulator on loopback: a FHIR search over {@link SyntheticTelmaFeed}
 * with {@code _lastUpdated=ge}, {@code _count} and next links, generating each page on request.
 */
final class BenchGateway implements AutoCloseable {

    private final HttpServer server;
    private final SyntheticTelmaFeed feed;

    BenchGateway(SyntheticTelmaFeed feed) throws IOException {
        this.feed = feed;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/fhir/Observation", this::search);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    private void search(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        Instant from = Instant.parse(query.get("_lastUpdated").substring(2));
        int count = Integer.parseInt(query.getOrDefault("_count", "100"));
        int start = query.containsKey("_offset") ? Integer.parseInt(query.get("_offset")) : feed.firstAtOrAfter(from);
        int end = Math.min(feed.size(), start + count);
        StringBuilder body = new StringBuilder(count * 900).append("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",")
                .append("\"link\":[");
        if (end < feed.size()) {
            body.append("{\"relation\":\"next\",\"url\":\"").append(baseUrl()).append("/Observation?_lastUpdated=ge")
                    .append(from).append("&_count=").append(count).append("&_offset=").append(end).append("\"}");
        }
        body.append("],\"entry\":[");
        for (int i = start; i < end; i++) {
            body.append(i == start ? "" : ",").append("{\"resource\":").append(feed.json(i)).append('}');
        }
        body.append("]}");
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
