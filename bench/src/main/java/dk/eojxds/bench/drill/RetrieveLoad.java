package dk.eojxds.bench.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * A steady ITI-43 load, as DDS sends it (SOAP 1.2, a DGWS card of the test STS), spread over the
 * repository's instances: each answer is classified. A document is right only when its bytes have
 * the SHA-1 the repository registered for that uniqueId; anything else answered as a document is
 * WRONG. A refusal must be a clean SOAP fault; an answer that is neither is UNCLEAN, and a
 * connection that is refused or times out is UNREACHABLE.
 */
final class RetrieveLoad implements Runnable {

    enum Outcome { OK, WRONG, FAULT, UNCLEAN, UNREACHABLE }

    record Result(Instant at, String instance, Outcome outcome, String detail) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String template;
    private final String headers;
    private final List<Integer> ports;
    private final Supplier<List<Map.Entry<String, String>>> documents;
    private final Duration pause;
    private final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    private final Random random = new Random(11);
    private volatile boolean running = true;

    /**
     * @param documents uniqueId → SHA-1 of what may be asked for (registered documents)
     */
    RetrieveLoad(Path root, String headers, List<Integer> ports, Supplier<List<Map.Entry<String, String>>> documents,
                 Duration pause) throws IOException {
        this.template = Files.readString(root.resolve("docs/examples/iti43-retrieve.xml"));
        this.headers = headers;
        this.ports = ports;
        this.documents = documents;
        this.pause = pause;
    }

    List<Result> results() {
        return List.copyOf(results);
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        List<Map.Entry<String, String>> known = List.of();
        long refreshed = 0;
        while (running) {
            if (known.isEmpty() || System.nanoTime() - refreshed > Duration.ofSeconds(5).toNanos()) {
                try {
                    known = documents.get();
                    refreshed = System.nanoTime();
                } catch (RuntimeException e) {
                    // the database is switching over; ask for what was known before
                }
            }
            if (!known.isEmpty()) {
                Map.Entry<String, String> document = known.get(random.nextInt(known.size()));
                int port = ports.get(random.nextInt(ports.size()));
                results.add(retrieve(port, document.getKey(), document.getValue()));
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Result retrieve(int port, String uniqueId, String sha1) {
        String url = "http://127.0.0.1:" + port + "/services/repository/iti43";
        String body = template.replace("${DGWS_HEADERS}", headers)
                .replace("${REPOSITORY_UNIQUE_ID}", "2.25.284198587410923712306154780021350866101")
                .replace("${DOCUMENT_UNIQUE_ID}", uniqueId).replace("${ITI43_URL}", url);
        Instant at = Instant.now();
        String instance = "repository:" + port;
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/soap+xml; charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(response.body(), StandardCharsets.ISO_8859_1);
            if (text.contains("ResponseStatusType:Success")) {
                byte[] document = attachment(response);
                String actual = document == null ? "none" : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                        .digest(document));
                return new Result(at, instance, actual.equalsIgnoreCase(sha1) ? Outcome.OK : Outcome.WRONG,
                        uniqueId + " sha1 " + actual);
            }
            if (text.contains(":Fault>") || text.contains(":Fault ")) {
                String reason = text.replaceAll("(?s).*<[a-z0-9]+:Text[^>]*>([^<]*)<.*", "$1");
                return new Result(at, instance, Outcome.FAULT, response.statusCode() + " " + reason);
            }
            if (text.contains("RegistryErrorList")) {
                return new Result(at, instance, Outcome.FAULT, response.statusCode() + " RegistryErrorList");
            }
            return new Result(at, instance, Outcome.UNCLEAN, response.statusCode() + " "
                    + text.substring(0, Math.min(200, text.length())));
        } catch (IOException e) {
            return new Result(at, instance, Outcome.UNREACHABLE, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(at, instance, Outcome.UNREACHABLE, "interrupted");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // the MTOM answer's second part: the document, bytes as they were sent
    private static byte[] attachment(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        int at = type.indexOf("boundary=\"");
        if (at < 0) {
            return null;
        }
        String boundary = "--" + type.substring(at + 10, type.indexOf('"', at + 10));
        byte[] body = response.body();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int second = text.indexOf(boundary, text.indexOf(boundary) + boundary.length());
        if (second < 0) {
            return null;
        }
        int start = text.indexOf("\r\n\r\n", second) + 4;
        int end = text.indexOf("\r\n" + boundary, start);
        return java.util.Arrays.copyOfRange(body, start, end);
    }
}
