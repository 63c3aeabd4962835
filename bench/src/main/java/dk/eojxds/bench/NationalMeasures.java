package dk.eojxds.bench;

import dk.eojxds.bench.drill.FailoverDrill;
import dk.eojxds.ingest.load.InitialLoad;
import dk.eojxds.localstack.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@link NationalBenchmark} measures at one size of the store, as one row of its table.
 */
final class NationalMeasures {

    /** A fresh load through the pipeline: built and registered per second, stored→registered p95 in s, WAL per document. */
    record Pipeline(double built, double registered, double freshnessP95, long walPerDocument) {
    }

    record Row(String size, long documents, long databaseBytes, long documentBytes, long resourceBytes, long otherBytes,
               double todayP50, double todayP99, double yearOldP50, double yearOldP99, int errors, long auditBytesPerRetrieve,
               Pipeline pipeline, Map<String, Double> pages, String bloat) {
    }

    private static final List<String> STATUS_PAGES = List.of("/status", "/status/pipeline", "/status/programme");

    private final LocalStack stack;
    private final JdbcClient jdbc;
    private final String repositoryUniqueId;
    private final int rate;
    private final int seconds;
    private final int citizens;
    private final String template;
    private final HttpClient http = HttpClient.newHttpClient();

    NationalMeasures(LocalStack stack, JdbcClient jdbc, String repositoryUniqueId, int rate, int seconds, int citizens)
            throws Exception {
        this.stack = stack;
        this.jdbc = jdbc;
        this.repositoryUniqueId = repositoryUniqueId;
        this.rate = rate;
        this.seconds = seconds;
        this.citizens = citizens;
        this.template = Files.readString(FailoverDrill.root().resolve("docs/examples/iti43-retrieve.xml"));
    }

    Row measure(String size, int round) throws Exception {
        System.out.printf("%n%s documents:%n", size);
        // the pipeline first: it also gives the empty database the documents ITI-43 asks for
        Pipeline pipeline = pipeline(round);
        String bloat = bloat();
        NationalBenchmark.analyse(jdbc);
        long documents = Measuring.count(jdbc, "SELECT count(*) FROM repository.document");
        long[] bytes = bytes();
        long auditBefore = auditBytes();
        long auditRowsBefore = Measuring.count(jdbc, "SELECT count(*) FROM repository.retrieve_audit");
        RetrieveBenchmark.Result today = retrieve("stored_at > now() - interval '1 day'");
        RetrieveBenchmark.Result yearOld = retrieve("stored_at < now() - interval '330 days'");
        long retrieved = Measuring.count(jdbc, "SELECT count(*) FROM repository.retrieve_audit") - auditRowsBefore;
        // per row over the whole table: a few hundred new rows move the table's size by whole pages only
        long auditPerRetrieve = auditBytes() / Math.max(1, auditRowsBefore + retrieved);
        System.out.printf("  audit: %,d rows for the documents retrieved now, the table grew %,d bytes; %,d bytes per row "
                + "over the table%n", retrieved, auditBytes() - auditBefore, auditPerRetrieve);
        Map<String, Double> pages = new java.util.LinkedHashMap<>();
        String token = stack.operatorToken();
        for (String page : STATUS_PAGES) {
            pages.put(page, page(page, token));
        }
        Row row = new Row(size, documents, bytes[0], bytes[1], bytes[2], bytes[3], today == null ? Double.NaN : today.p50(),
                today == null ? Double.NaN : today.p99(), yearOld == null ? Double.NaN : yearOld.p50(),
                yearOld == null ? Double.NaN : yearOld.p99(), (today == null ? 0 : today.errors())
                + (yearOld == null ? 0 : yearOld.errors()), auditPerRetrieve, pipeline, pages, bloat);
        System.out.println("  " + row);
        return row;
    }

    /** A fresh mixed load through the product's initial load, end to end to the registry stand-in. */
    private Pipeline pipeline(int round) throws Exception {
        Path file = Files.createTempFile("eojxds-national", ".ndjson");
        try {
            PipelineBenchmark.writeMixed(file, citizens, true, true, 100 + round);
            // the mix: a TELMA day for every citizen, a K-PRO response for every third, FSIII for every sixth
            long documents = citizens + (citizens + 2) / 3 + (citizens + 5) / 6;
            Instant since = Instant.now();
            Map<String, Long> scansBefore = sequentialReads();
            long wal = Measuring.wal(jdbc);
            stack.ingest().getBean(InitialLoad.class).run(List.of(file.toString()));
            waitForRegistrations(since, documents);
            long walBytes = Measuring.wal(jdbc) - wal;
            Map<String, Object> row = jdbc.sql("""
                    SELECT count(*) / greatest(extract(epoch FROM max(d.stored_at) - ?), 0.001) AS built,
                           count(*) / greatest(extract(epoch FROM max(r.registered_at) - ?), 0.001) AS registered,
                           percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM r.registered_at - d.stored_at)) AS fresh
                    FROM repository.document d JOIN registry.registration r ON r.document_unique_id = d.unique_id
                    WHERE d.stored_at >= ?""").param(Timestamp.from(since)).param(Timestamp.from(since))
                    .param(Timestamp.from(since)).query().singleRow();
            Map<String, Long> scansAfter = sequentialReads();
            scansAfter.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - scansBefore.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
                    .forEach(e -> System.out.printf("    rows read by sequential scans during the load: %s %,d%n", e.getKey(),
                            e.getValue()));
            System.out.printf("  pipeline: %,d documents, built %.0f/s, registered %.0f/s, stored→registered p95 %.1f s, "
                            + "WAL %,d bytes per document%n", documents, num(row, "built"), num(row, "registered"),
                    num(row, "fresh"), walBytes / Math.max(1, documents));
            return new Pipeline(num(row, "built"), num(row, "registered"), num(row, "fresh"), walBytes / Math.max(1, documents));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // counted by the registration time's index, so that waiting reads no more as the store grows
    private void waitForRegistrations(Instant since, long documents) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (jdbc.sql("SELECT count(*) FROM registry.registration WHERE registered_at >= ?").param(Timestamp.from(since))
                .query(Long.class).single() < documents) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the load's " + documents + " documents were not registered in 30 minutes");
            }
            Measuring.failOnBuildFailure(jdbc);
            Thread.sleep(200);
        }
    }

    private Map<String, Long> sequentialReads() {
        Map<String, Long> reads = new java.util.HashMap<>();
        jdbc.sql("SELECT schemaname || '.' || relname AS t, seq_tup_read FROM pg_stat_user_tables").query()
                .listOfRows().forEach(r -> reads.put((String) r.get("t"), ((Number) r.get("seq_tup_read")).longValue()));
        return reads;
    }

    // the queues and outboxes after the churn: live and dead rows, size, how often autovacuum ran
    private String bloat() {
        List<String> parts = new ArrayList<>();
        jdbc.sql("""
                SELECT schemaname || '.' || relname AS t, n_live_tup, n_dead_tup, autovacuum_count,
                       pg_total_relation_size(relid) AS bytes
                FROM pg_stat_user_tables
                WHERE schemaname || '.' || relname IN ('ingest.change', 'repository.registration_outbox',
                    'repository.deprecation_outbox', 'repository.held_series', 'registry.registration', 'repository.build_failure')
                ORDER BY 1""").query().listOfRows().forEach(r -> parts.add(String.format("%s %,d live/%,d dead, %,d KiB, %s autovacuums",
                r.get("t"), ((Number) r.get("n_live_tup")).longValue(), ((Number) r.get("n_dead_tup")).longValue(),
                ((Number) r.get("bytes")).longValue() >> 10, r.get("autovacuum_count"))));
        System.out.println("  queues: " + String.join("; ", parts));
        return String.join("; ", parts);
    }

    // database; documents (table, TOAST, indexes) with their registrations; ingested resources and changes; the rest
    private long[] bytes() {
        long database = Measuring.count(jdbc, "SELECT pg_database_size(current_database())");
        long documents = Measuring.count(jdbc, "SELECT pg_total_relation_size('repository.document') "
                + "+ pg_total_relation_size('registry.registration')");
        long resources = Measuring.count(jdbc, "SELECT pg_total_relation_size('ingest.resource') "
                + "+ pg_total_relation_size('ingest.change')");
        jdbc.sql("""
                SELECT c.relname, pg_relation_size(c.oid) AS heap, coalesce(pg_total_relation_size(c.reltoastrelid), 0) AS toast,
                       pg_indexes_size(c.oid) AS indexes
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname IN ('repository', 'registry', 'ingest') AND c.relkind = 'r'
                ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 6""").query().listOfRows().forEach(r ->
                System.out.printf("  %-22s heap %,8d MiB, TOAST %,8d MiB, indexes %,8d MiB%n", r.get("relname"),
                        ((Number) r.get("heap")).longValue() >> 20, ((Number) r.get("toast")).longValue() >> 20,
                        ((Number) r.get("indexes")).longValue() >> 20));
        return new long[] {database, documents, resources, database - documents - resources};
    }

    private long auditBytes() {
        return Measuring.count(jdbc, "SELECT pg_total_relation_size('repository.retrieve_audit')");
    }

    /** ITI-43 with a DGWS card at the fixed rate, documents drawn from those the condition picks; null when none. */
    private RetrieveBenchmark.Result retrieve(String condition) throws Exception {
        List<String> ids = jdbc.sql("SELECT unique_id FROM repository.document WHERE " + condition + " LIMIT 1000")
                .query(String.class).list();
        if (ids.isEmpty()) {
            return null;
        }
        String headers = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + stack.ports().devStack()
                + "/sts/soap-headers")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String url = "http://localhost:" + stack.ports().repository() + "/services/repository/iti43";
        Random random = new Random(43);
        List<String> chosen = ids;
        Supplier<HttpRequest> request = () -> HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/soap+xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(template.replace("${DGWS_HEADERS}", headers)
                        .replace("${REPOSITORY_UNIQUE_ID}", repositoryUniqueId)
                        .replace("${DOCUMENT_UNIQUE_ID}", chosen.get(random.nextInt(chosen.size())))
                        .replace("${ITI43_URL}", url))).build();
        RetrieveBenchmark.run(http, request, Math.max(2, seconds / 2), 4, rate); // warm-up
        RetrieveBenchmark.Result result = RetrieveBenchmark.run(http, request, seconds, 4, rate);
        System.out.printf("  ITI-43 (%s, %,d documents to choose from): p50 %.1f ms, p99 %.1f ms, %,.0f/s, %d errors%n",
                condition, ids.size(), result.p50(), result.p99(), result.perSecond(), result.errors());
        return result;
    }

    private double page(String path, String token) throws Exception {
        String url = "http://localhost:" + stack.ports().repository() + path;
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + answer.statusCode());
            }
            if (i > 0) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(millis);
        System.out.printf("  %s: median %.0f ms%n", path, millis.get(millis.size() / 2));
        return millis.get(millis.size() / 2);
    }

    // none measured (no document that old yet): a dash
    private static String ms(double value) {
        return Double.isNaN(value) ? "–" : String.format("%.1f", value);
    }

    private static double num(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    static void print(List<Row> rows) {
        System.out.println();
        System.out.println("| documents | database GiB | bytes per document (documents + registrations / resources + changes / "
                + "rest) | ITI-43 today p50 / p99 ms | a year old p50 / p99 ms | built / registered per s | stored→registered "
                + "p95 s | WAL per built document | audit bytes per row | " + String.join(" | ", STATUS_PAGES) + " ms |");
        System.out.println("|---:|---:|---|---|---|---|---:|---:|---:|" + "---:|".repeat(STATUS_PAGES.size()));
        for (Row r : rows) {
            long n = Math.max(1, r.documents());
            System.out.printf("| %,d | %.1f | %,d (%,d / %,d / %,d) | %s / %s | %s / %s | %.0f / %.0f | %.1f | %,d | %,d | %s |%n",
                    r.documents(), r.databaseBytes() / (double) (1L << 30), r.databaseBytes() / n, r.documentBytes() / n,
                    r.resourceBytes() / n, r.otherBytes() / n, ms(r.todayP50()), ms(r.todayP99()), ms(r.yearOldP50()),
                    ms(r.yearOldP99()),
                    r.pipeline().built(), r.pipeline().registered(), r.pipeline().freshnessP95(),
                    r.pipeline().walPerDocument(), r.auditBytesPerRetrieve(),
                    String.join(" | ", r.pages().values().stream().map(v -> String.format("%.0f", v)).toList()));
        }
    }
}
