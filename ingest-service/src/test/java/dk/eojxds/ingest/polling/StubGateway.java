package dk.eojxds.ingest.polling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The one stub gateway of the ingest tests, on loopback. By default a small FHIR search endpoint:
 * serves raw resources by type with {@code _lastUpdated=ge} (and {@code lt}), {@code _count} and next
 * links, and injects faults on request (error statuses with Retry-After, a page that is not JSON).
 * A test that needs a hostile gateway sets {@link #answer} (every request answered as it says, even
 * with a redirect) or {@link #rawAnswer} (bytes as they are). It always answers {@code /token} with
 * an access token, and remembers every request and Authorization header it got.
 */
final class StubGateway implements AutoCloseable {

    private record Stored(String type, String id, Instant lastUpdated, String json) {
    }

    private record Fault(int status, String retryAfter, boolean brokenBody) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Stored> resources = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    final List<String> requestLog = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** When set, answers every request but {@code /token} (it may send its own status first). */
    volatile Function<HttpExchange, String> answer;
    /** When set, sent as they are to every request but {@code /token} (bytes that are not UTF-8). */
    volatile byte[] rawAnswer;

    StubGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return url("/fhir");
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Adds (or replaces, by id) a resource; its meta.lastUpdated decides where it shows up. */
    synchronized void put(String json) {
        try {
            ObjectNode node = (ObjectNode) mapper.readTree(json);
            String type = node.path("resourceType").asText();
            String id = node.path("id").asText();
            String updated = node.path("meta").path("lastUpdated").asText(null);
            resources.removeIf(r -> r.type().equals(type) && r.id().equals(id));
            resources.add(new Stored(type, id, updated == null ? Instant.EPOCH : OffsetDateTime.parse(updated).toInstant(),
                    json));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Serves a raw entry that may not even be JSON-shaped FHIR (for the bad-input corpus). */
    synchronized void putRaw(String type, String id, Instant lastUpdated, String json) {
        resources.add(new Stored(type, id, lastUpdated, json));
    }

    synchronized void clear() {
        resources.clear();
        faults.clear();
        answer = null;
        rawAnswer = null;
    }

    synchronized void failNext(int times, int status, String retryAfter) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(status, retryAfter, false));
        }
    }

    synchronized void breakNextPage() {
        faults.add(new Fault(200, null, true));
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        requestLog.add(exchange.getRequestURI().toString());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            authorizations.add(authorization);
        }
        if (exchange.getRequestURI().getPath().equals("/token")) {
            respond(exchange, 200, "{\"access_token\":\"gateway-secret-token\",\"expires_in\":300}");
            return;
        }
        if (rawAnswer != null || answer != null) {
            answerAsTold(exchange);
            return;
        }
        search(exchange);
    }

    private void answerAsTold(HttpExchange exchange) throws IOException {
        byte[] raw = rawAnswer;
        byte[] bytes = raw != null ? raw : answer.apply(exchange).getBytes(StandardCharsets.UTF_8);
        if (exchange.getResponseCode() == -1) {
            exchange.sendResponseHeaders(200, bytes.length);
        }
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void search(HttpExchange exchange) throws IOException {
        Fault fault;
        synchronized (this) {
            fault = faults.poll();
        }
        if (fault != null && fault.status() != 200) {
            if (fault.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", fault.retryAfter());
            }
            respond(exchange, fault.status(), "{\"resourceType\":\"OperationOutcome\"}");
            return;
        }
        if (fault != null && fault.brokenBody()) {
            respond(exchange, 200, "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":");
            return;
        }
        String type = exchange.getRequestURI().getPath().substring("/fhir/".length());
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Instant from = null;
        Instant before = Instant.MAX;
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String value = URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
            if (pair.startsWith("_lastUpdated=ge")) {
                from = Instant.parse(value.substring(2));
            } else if (pair.startsWith("_lastUpdated=lt")) {
                before = Instant.parse(value.substring(2));
            }
        }
        Instant upTo = before;
        Instant since = from;
        int count = Integer.parseInt(query.getOrDefault("_count", "100"));
        int offset = Integer.parseInt(query.getOrDefault("_offset", "0"));
        List<Stored> matching;
        synchronized (this) {
            matching = resources.stream().filter(r -> r.type().equals(type) && !r.lastUpdated().isBefore(since)
                            && r.lastUpdated().isBefore(upTo))
                    .sorted(Comparator.comparing(Stored::lastUpdated).thenComparing(Stored::id)).toList();
        }
        ObjectNode bundle = mapper.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        ArrayNode links = bundle.putArray("link");
        links.addObject().put("relation", "self").put("url", baseUrl() + "/" + type + "?" + exchange.getRequestURI().getRawQuery());
        if (offset + count < matching.size()) {
            links.addObject().put("relation", "next").put("url", baseUrl() + "/" + type + "?_lastUpdated=ge"
                    + from + (before == Instant.MAX ? "" : "&_lastUpdated=lt" + before) + "&_count=" + count
                    + "&_offset=" + (offset + count));
        }
        StringBuilder entries = new StringBuilder();
        for (Stored stored : matching.subList(Math.min(offset, matching.size()), Math.min(offset + count, matching.size()))) {
            entries.append(entries.length() == 0 ? "" : ",").append("{\"resource\":").append(stored.json()).append('}');
        }
        String body = bundle.toString();
        body = body.substring(0, body.length() - 1) + ",\"entry\":[" + entries + "]}";
        respond(exchange, 200, body);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
