package dk.eojxds.bench;

import dk.eojxds.repository.RepositoryApplication;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.PostgresServer;
import dk.eojxds.testsupport.sts.IdCardIssuer;
import dk.eojxds.testsupport.sts.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * ITI-43 retrievals of 20 KB documents over loopback: at saturation (N concurrent clients) and at
 * a fixed request rate, with DGWS off and on, and side by side a plain HTTP GET of the same bytes
 * from the same server, the limit on this machine.
 * <p>
 * Run: {@code ./mvnw -q -pl bench exec:java -Dexec.mainClass=dk.eojxds.bench.RetrieveBenchmark
 * -Dexec.args="10 8 100"} (seconds per phase, concurrent clients, fixed rate per second).
 */
public final class RetrieveBenchmark {

    private static final String REPOSITORY = "2.25.284198587410923712306154780021350866101";

    private RetrieveBenchmark() {
    }

    /**
     * The plain GET outside Spring Security's chains, as ITI-43 is (its gate is DGWS), so that the
     * two compare like for like.
     */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    public static class OpenPlainGet {

        @org.springframework.context.annotation.Bean
        org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer plainGetOutsideSecurity() {
            return web -> web.ignoring().requestMatchers(org.springframework.security.web.servlet.util.matcher
                    .PathPatternRequestMatcher.withDefaults().matcher("/bench/plain/**"));
        }
    }

    /** The same bytes, without SOAP: what the machine can serve at best. */
    @RestController
    public static class PlainGet {

        private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

        PlainGet(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/bench/plain/{uniqueId}")
        ResponseEntity<byte[]> get(@PathVariable String uniqueId) {
            return ResponseEntity.ok(jdbc.sql("SELECT content FROM repository.document WHERE unique_id = ?")
                    .param(uniqueId).query(byte[].class).single());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "serve".equals(args[0])) {
            serve(Path.of(args.length > 1 ? args[1] : "target/retrieve-bench"));
            return;
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        DatabaseCoordinates db = PostgresServer.forTests().createDatabase("benchretrieve");
        TestCertificates.Credential ca = TestCertificates.certificateAuthority("CN=Bench CA");
        IdCardIssuer sts = new IdCardIssuer(TestCertificates.issuedBy(ca, "CN=Bench STS"));
        Path trusted = Files.createTempFile("bench-ca", ".pem");
        Files.writeString(trusted, ca.certificatePem());
        try (ConfigurableApplicationContext open = start(db, "none", trusted);
             ConfigurableApplicationContext secured = start(db, "dgws", trusted)) {
            insertDocuments(db, 100);
            int openPort = ((WebServerApplicationContext) open).getWebServer().getPort();
            int securedPort = ((WebServerApplicationContext) secured).getWebServer().getPort();
            String card = sts.soapHeaders(IdCardIssuer.Card.system("Bench", "12345678", "Bench"));
            HttpClient http = HttpClient.newHttpClient();
            Random random = new Random(1);
            Supplier<HttpRequest> plain = () -> HttpRequest.newBuilder(URI.create("http://localhost:" + openPort
                    + "/bench/plain/doc-" + random.nextInt(100))).build();
            Supplier<HttpRequest> iti43 = () -> soap(openPort, "", random.nextInt(100));
            Supplier<HttpRequest> iti43Dgws = () -> soap(securedPort, card, random.nextInt(100));
            System.out.printf("machine: %d cores; 20 KB documents; %d s per phase; %d clients at saturation; "
                    + "fixed rate %d/s%n", Runtime.getRuntime().availableProcessors(), seconds, clients, rate);
            System.out.println("| request | mode | requests/s | p50 (ms) | p99 (ms) |");
            System.out.println("|---|---|---:|---:|---:|");
            run(http, plain, seconds / 2, clients, 0); // warm-up
            run(http, iti43, seconds / 2, clients, 0);
            run(http, iti43Dgws, seconds / 2, clients, 0);
            print("plain GET", "saturation", run(http, plain, seconds, clients, 0));
            print("ITI-43, DGWS off", "saturation", run(http, iti43, seconds, clients, 0));
            print("ITI-43, DGWS on", "saturation", run(http, iti43Dgws, seconds, clients, 0));
            print("plain GET", rate + "/s", run(http, plain, seconds, clients, rate));
            print("ITI-43, DGWS off", rate + "/s", run(http, iti43, seconds, clients, rate));
            print("ITI-43, DGWS on", rate + "/s", run(http, iti43Dgws, seconds, clients, rate));
            largeDocument(db, http, openPort);
        }
        System.exit(0);
    }

    /**
     * Starts both servers with the documents and writes what an external load generator needs
     * (ports, SOAP bodies with and without an ID card) to a directory; runs until killed.
     */
    private static void serve(Path directory) throws Exception {
        DatabaseCoordinates db = PostgresServer.forTests().createDatabase("benchretrieve");
        TestCertificates.Credential ca = TestCertificates.certificateAuthority("CN=Bench CA");
        IdCardIssuer sts = new IdCardIssuer(TestCertificates.issuedBy(ca, "CN=Bench STS"));
        Files.createDirectories(directory);
        Path trusted = directory.resolve("ca.pem");
        Files.writeString(trusted, ca.certificatePem());
        ConfigurableApplicationContext open = start(db, "none", trusted);
        ConfigurableApplicationContext secured = start(db, "dgws", trusted);
        insertDocuments(db, 100);
        String card = sts.soapHeaders(IdCardIssuer.Card.system("Bench", "12345678", "Bench"));
        Files.writeString(directory.resolve("iti43.xml"), body(""));
        Files.writeString(directory.resolve("iti43-dgws.xml"), body(card));
        Files.writeString(directory.resolve("ports"), ((WebServerApplicationContext) open).getWebServer().getPort() + " "
                + ((WebServerApplicationContext) secured).getWebServer().getPort() + "\n");
        System.out.println("serving; ports in " + directory.resolve("ports"));
        Thread.currentThread().join();
    }

    private static String body(String headers) {
        return "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" "
                + "xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><soap:Header><wsa:Action soap:mustUnderstand=\"true\">"
                + "urn:ihe:iti:2007:RetrieveDocumentSet</wsa:Action><wsa:MessageID>urn:uuid:5b9f8a38-1f4e-4c1a-9d0b-2c3e4f5a6b7c"
                + "</wsa:MessageID>" + headers + "</soap:Header><soap:Body><xdsb:RetrieveDocumentSetRequest "
                + "xmlns:xdsb=\"urn:ihe:iti:xds-b:2007\"><xdsb:DocumentRequest><xdsb:RepositoryUniqueId>" + REPOSITORY
                + "</xdsb:RepositoryUniqueId><xdsb:DocumentUniqueId>doc-7</xdsb:DocumentUniqueId>"
                + "</xdsb:DocumentRequest></xdsb:RetrieveDocumentSetRequest></soap:Body></soap:Envelope>";
    }

    // Heap while a 50 MB document is retrieved and read (as a stream) by a client in the same JVM.
    private static void largeDocument(DatabaseCoordinates db, HttpClient http, int port) throws Exception {
        byte[] big = new byte[50 * 1024 * 1024];
        new Random(3).nextBytes(big);
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE repository.document SET content = ?, size_bytes = ? WHERE unique_id = 'doc-0'")) {
            update.setBytes(1, big);
            update.setLong(2, big.length);
            update.executeUpdate();
        }
        big = null;
        System.gc();
        java.util.List<java.lang.management.MemoryPoolMXBean> heap = java.lang.management.ManagementFactory
                .getMemoryPoolMXBeans().stream().filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        HttpResponse<java.io.InputStream> response = http.send(soap(port, "", 0), HttpResponse.BodyHandlers.ofInputStream());
        long read = 0;
        try (java.io.InputStream in = response.body()) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read += n;
            }
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%n50 MB document over ITI-43: %,d bytes read (MTOM); heap in use before %,d MiB, peak during "
                + "%,d MiB (sum of pool peaks; server and client in one JVM)%n", read, before >> 20, peak >> 20);
    }

    private static ConfigurableApplicationContext start(DatabaseCoordinates db, String mode, Path trusted) {
        return new SpringApplicationBuilder(RepositoryApplication.class, PlainGet.class, OpenPlainGet.class)
                .properties("spring.config.name=" + RepositoryApplication.CONFIG_NAME)
                .run(java.util.stream.Stream.concat(db.serviceArgs(null).stream(), java.util.stream.Stream.of(
                        "--server.port=0", "--management.server.port=0", "--eojxds.security.mode=" + mode,
                        "--eojxds.security.insecure-local-development=" + "none".equals(mode),
                        "--eojxds.security.trusted-certificates=" + trusted, "--eojxds.security.sts-subjects=CN=Bench STS",
                        "--logging.level.root=WARN", "--eojxds.fsiii.built-in-terminology=true",
                        "--eojxds.repository.build-interval=PT1H", "--logging.level.dk.eojxds=WARN",
                        // nothing is built here, so the CPR lookup the repository requires is never called
                        "--eojxds.cpr-lookup.url=http://127.0.0.1:9/not-called",
                        "--eojxds.cpr-lookup.dgws.enabled=false",
                        "--eojxds.cpr-lookup.dgws.insecure-local-development=true"))
                        .toArray(String[]::new));
    }

    private static void insertDocuments(DatabaseCoordinates db, int count) throws Exception {
        byte[] content = new byte[20 * 1024];
        new Random(2).nextBytes(content);
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO repository.document (unique_id, entry_uuid, family, citizen_cpr, partition_key, status,
                         author_name, author_sor, class_code, class_code_scheme, class_code_display, type_code,
                         type_code_scheme, type_code_display, format_code, format_code_scheme, format_code_display,
                         confidentiality_code, language_code, facility_type_code, facility_type_display,
                         practice_setting_code, practice_setting_display, title, creation_time, mime_type, hash_sha1,
                         size_bytes, repository_unique_id, home_community_id, content, source_fingerprint)
                     VALUES (?, ?, 'TELMA', '0101501234', ?, 'REPLACED', 'Kommune', '1301000016005', '001', 's', 'd',
                         '53576-5', 's', 'd', 'f', 's', 'd', 'N', 'da-DK', 'x', 'd', 'y', 'd', 't', now(),
                         'application/octet-stream', '0000000000000000000000000000000000000000', ?, ?,
                         'urn:oid:1.2.208.176.8.1', ?, '0000000000000000000000000000000000000000')""")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, "doc-" + i);
                insert.setString(2, "urn:uuid:bench-" + i);
                insert.setString(3, "p" + i);
                insert.setLong(4, content.length);
                insert.setString(5, REPOSITORY);
                insert.setBytes(6, content);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static HttpRequest soap(int port, String headers, int document) {
        String envelope = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" "
                + "xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><soap:Header><wsa:Action soap:mustUnderstand=\"true\">"
                + "urn:ihe:iti:2007:RetrieveDocumentSet</wsa:Action><wsa:MessageID>urn:uuid:" + java.util.UUID.randomUUID()
                + "</wsa:MessageID>" + headers + "</soap:Header><soap:Body><xdsb:RetrieveDocumentSetRequest "
                + "xmlns:xdsb=\"urn:ihe:iti:xds-b:2007\"><xdsb:DocumentRequest><xdsb:RepositoryUniqueId>" + REPOSITORY
                + "</xdsb:RepositoryUniqueId><xdsb:DocumentUniqueId>doc-" + document + "</xdsb:DocumentUniqueId>"
                + "</xdsb:DocumentRequest></xdsb:RetrieveDocumentSetRequest></soap:Body></soap:Envelope>";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/services/repository/iti43"))
                .header("Content-Type", "application/soap+xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
    }

    record Result(double perSecond, double p50, double p99, int errors) {
    }

    /** Closed loop with {@code clients} threads, or an open loop at {@code rate} per second when rate > 0. */
    static Result run(HttpClient http, Supplier<HttpRequest> requests, int seconds, int clients, int rate)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(clients, rate > 0 ? 64 : clients));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<List<long[]>>> futures = new ArrayList<>();
        if (rate <= 0) {
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    List<long[]> samples = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        samples.add(timed(http, requests.get()));
                    }
                    return samples;
                }));
            }
        } else {
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            for (long at = System.nanoTime(); at < end; at += interval) {
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                HttpRequest request = requests.get();
                futures.add(pool.submit(() -> List.of(timed(http, request))));
            }
        }
        List<long[]> all = new ArrayList<>();
        for (Future<List<long[]>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        long[] latencies = all.stream().filter(s -> s[1] == 200).mapToLong(s -> s[0]).sorted().toArray();
        int errors = (int) all.stream().filter(s -> s[1] != 200).count();
        return new Result(latencies.length / (double) seconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
                errors);
    }

    private static long[] timed(HttpClient http, HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new long[] {System.nanoTime() - start, response.statusCode()};
        } catch (Exception e) {
            return new long[] {System.nanoTime() - start, -1};
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static void print(String request, String mode, Result result) {
        System.out.printf("| %s | %s | %,.0f | %.1f | %.1f |%s%n", request, mode, result.perSecond(), result.p50(),
                result.p99(), result.errors() > 0 ? " " + result.errors() + " errors" : "");
    }
}
