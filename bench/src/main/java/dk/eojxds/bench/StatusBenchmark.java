package dk.eojxds.bench;

import dk.eojxds.localstack.LocalStack;
import dk.eojxds.repository.statistics.UsageRollup;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The status page at national scale: a database with {@code audit} retrieve-audit rows over twelve
 * months, {@code documents} documents and {@code resources} ingested resources over 180 days (98
 * municipalities, three families), plus registrations, outboxes, changes and quarantine; then every
 * view of the page and the CSV export, timed over HTTP as an operator calls them.
 *
 * <p>Arguments: {@code audit documents resources} (default {@code 10000000 1000000 10000000}), or
 * {@code reuse JDBC-URL} to measure again over a database an earlier run generated (a run stopped
 * with kill -9 leaves its database behind).
 */
public final class StatusBenchmark {

    private StatusBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean reuse = args.length == 2 && args[0].equals("reuse");
        long audit = !reuse && args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        long documents = !reuse && args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        long resources = !reuse && args.length > 2 ? Long.parseLong(args[2]) : 10_000_000L;
        System.out.printf("machine: %d cores, max heap %d MiB; %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, reuse ? "the database " + args[1]
                        : String.format("%,d audit rows, %,d documents, %,d resources", audit, documents, resources));
        DatabaseCoordinates db = reuse ? new DatabaseCoordinates(args[1], System.getenv().getOrDefault("EOJXDS_TEST_DB_USER",
                "postgres"), System.getenv().getOrDefault("EOJXDS_TEST_DB_PASSWORD", ""))
                : PostgresServer.forTests().createDatabase("benchstatus");
        try (LocalStack stack = LocalStack.start(db, LocalStack.Ports.any(), Map.of(
                "dev-stack", List.of("eojxds.simulator.enabled=false", "logging.level.root=WARN"),
                "ingest-service", List.of("eojxds.fkg.enabled=false", "logging.level.root=WARN"),
                "xds-repository-service", List.of("eojxds.statistics.rollup-interval=PT1000H",
                        "eojxds.repository.build-interval=PT1000H", "logging.level.root=WARN"),
                // nothing runs beside the page: the queues are figures to show, not work to do
                "registry-adapter", List.of("eojxds.registry.poll-interval=PT1000H", "logging.level.root=WARN")))) {
            JdbcClient jdbc = Measuring.jdbc(db);
            if (reuse) {
                report(jdbc);
            } else {
                stack.loadReferenceData();
                Measuring.timed("generate", () -> generate(jdbc, audit, documents, resources));
            }
            Measuring.timed("vacuum analyze", () -> {
                for (String table : List.of("ingest.resource", "ingest.change", "ingest.quarantine", "repository.document",
                        "repository.retrieve_audit", "repository.registration_outbox", "registry.registration")) {
                    jdbc.sql("VACUUM ANALYZE " + table).update();
                }
            });
            UsageRollup rollup = stack.repository().getBean(UsageRollup.class);
            Measuring.timed(reuse ? "rollup of what is new" : "first rollup of the whole audit",
                    () -> rollup.rollUntil(Instant.now().minus(Duration.ofMinutes(5))));
            // as autovacuum would have it on a database in use: statistics on every table
            jdbc.sql("ANALYZE").update();

            String token = stack.operatorToken();
            String base = "http://localhost:" + stack.ports().repository();
            YearMonth now = YearMonth.now();
            for (String path : List.of("/status", "/status?problemer=true", "/status/pipeline", "/status/programme",
                    "/statistics/lookups-per-municipality?format=csv&from=" + now.minusMonths(11) + "&to=" + now,
                    "/statistics/citizens-per-month?from=" + now.minusMonths(11) + "&to=" + now)) {
                measure(base + path, token);
            }
        }
        System.exit(0);
    }

    private static void report(JdbcClient jdbc) {
        System.out.printf("  %,d audit rows, %,d documents, %,d resources%n",
                Measuring.count(jdbc, "SELECT count(*) FROM repository.retrieve_audit"),
                Measuring.count(jdbc, "SELECT count(*) FROM repository.document"),
                Measuring.count(jdbc, "SELECT count(*) FROM ingest.resource"));
    }

    private static void measure(String url, String token) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> first = get(http, url, token);
        if (first.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + first.statusCode() + ": " + first.body());
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            get(http, url, token);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("  %-90s median %6.0f ms, worst %6.0f ms (%,d bytes)%n", url.replaceFirst("http://localhost:\\d+", ""),
                millis.get(millis.size() / 2), millis.get(millis.size() - 1), first.body().length());
    }

    private static HttpResponse<String> get(HttpClient http, String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    // 98 municipalities: the five the simulator serves (with their SOR codes in the reference data) and 93 more
    private static final String SOR = "(1301000016001 + (%s) %% 98)::text";

    private static void generate(JdbcClient jdbc, long audit, long documents, long resources) {
        // the newest documents wait for registration (5,000 at national scale; half of a smoke run's few)
        long waiting = Math.min(5_000, documents / 2);
        jdbc.sql("UPDATE repository.municipality SET sor_code = (1301000016001 + row_number - 1)::text FROM ("
                + "SELECT code AS c, row_number() OVER (ORDER BY (sor_code IS NULL), sor_code, code) FROM repository.municipality) n "
                + "WHERE n.c = code").update();
        jdbc.sql("""
                INSERT INTO repository.sor_unit (sor_code, kind, name)
                SELECT (400000 + i)::text, CASE WHEN i <= 21 THEN 'EMERGENCY_DEPARTMENT' ELSE 'GENERAL_PRACTICE' END,
                       CASE WHEN i <= 21 THEN 'Akutmodtagelse ' || i ELSE 'Lægepraksis ' || i END
                FROM generate_series(1, 2021) AS i ON CONFLICT DO NOTHING""").update();
        jdbc.sql(("""
                INSERT INTO ingest.resource (resource_type, resource_id, family, feed, citizen_cpr, partition_key, version_id,
                    last_updated, status, raw_json, received_at, municipality_sor)
                SELECT 'Observation', i::text, (ARRAY['TELMA', 'KPRO', 'FSIII'])[i %% 3 + 1], 'bench',
                       lpad((i %% 500000)::text, 10, '0'), (i %% 1000)::text, 1, now() - (i %% 180) * interval '1 day',
                       'final', '{}', now() - (random() * 180) * interval '1 day', %s
                FROM generate_series(1, ?) AS i""").formatted(SOR.formatted("i / 7"))).param(resources).update();
        jdbc.sql(("""
                INSERT INTO repository.document (unique_id, entry_uuid, family, citizen_cpr, partition_key, status, author_name,
                    author_sor, class_code, class_code_scheme, class_code_display, type_code, type_code_scheme, type_code_display,
                    format_code, format_code_scheme, format_code_display, confidentiality_code, language_code,
                    facility_type_code, facility_type_display, practice_setting_code, practice_setting_display, title,
                    creation_time, mime_type, hash_sha1, size_bytes, repository_unique_id, home_community_id, content,
                    source_fingerprint, stored_at, patient_family, patient_given, source_received_at)
                SELECT '2.25.' || i, 'urn:uuid:' || gen_random_uuid(), (ARRAY['TELMA', 'KPRO', 'FSIII'])[i %% 3 + 1],
                       lpad((i %% 500000)::text, 10, '0'), i::text, 'CURRENT', 'Kommune', %s, 'c', 's', 'd', 't', 's', 'd',
                       'f', 's', 'd', 'N', 'da-DK', 'x', 'x', 'x', 'x', 'Hjemmemålinger', now(), 'text/xml',
                       repeat('0', 40), 1, '1.2', 'urn:oid:1.2', '\\x00', repeat('0', 40), s.stored_at, 'Efternavn',
                       ARRAY['Fornavn'], s.stored_at - (i %% 10) * interval '1 second'
                FROM generate_series(1, ?) AS i,
                     LATERAL (SELECT now() - (random() * 180 + i * 0) * interval '1 day' AS stored_at) s""").formatted(SOR.formatted("i / 5"))).param(documents).update();
        jdbc.sql("""
                INSERT INTO registry.registration (document_unique_id, entry_uuid, submission_set_unique_id, state, attempts,
                    last_error, registered_at)
                SELECT d.unique_id, 'urn:uuid:x', '2.25.9', CASE WHEN i % 10000 = 0 THEN 'FAILED' ELSE 'REGISTERED' END, 1,
                       CASE WHEN i % 10000 = 0 THEN 'XDSUnknownPatientId' END,
                       CASE WHEN i % 10000 <> 0 THEN d.stored_at + (i % 7) * interval '1 second' END
                FROM generate_series(1, ?) AS i JOIN repository.document d ON d.unique_id = '2.25.' || i""").param(documents - waiting).update();
        jdbc.sql("""
                INSERT INTO repository.registration_outbox (document_unique_id, citizen_cpr)
                SELECT '2.25.' || i, lpad((i % 500000)::text, 10, '0') FROM generate_series(?, ?) AS i""")
                .param(documents - waiting + 1).param(documents).update();
        jdbc.sql("""
                INSERT INTO ingest.change (family, citizen_cpr, partition_key, processed_at, priority)
                SELECT (ARRAY['TELMA', 'KPRO', 'FSIII'])[i % 3 + 1], lpad((i % 500000)::text, 10, '0'), i::text,
                       CASE WHEN i > 2000 THEN now() END, CASE WHEN i > 2000 THEN i % 2 ELSE 2 END
                FROM generate_series(1, 100000) AS i""").update();
        jdbc.sql("""
                INSERT INTO ingest.quarantine (feed, family, reasons, raw_payload, state, last_seen_at)
                SELECT 'telma', 'TELMA', ARRAY['rule-' || (i % 12) || ': explanation'], '{}',
                       CASE WHEN i % 3 = 0 THEN 'OPEN' ELSE 'DISCARDED' END, now() - (i % 30) * interval '1 day'
                FROM generate_series(1, 10000) AS i""").update();
        jdbc.sql("""
                INSERT INTO ingest.feed_cursor (feed, position) VALUES ('telma', now() - interval '1 minute'),
                    ('kpro', now() - interval '2 minutes'), ('fsiii', now() - interval '6 days') ON CONFLICT DO NOTHING""").update();
        // twelve months of look-ups: two documents per request, one in ten by a citizen, one in fifty by an emergency department
        jdbc.sql(("""
                INSERT INTO repository.retrieve_audit (at, request_id, outcome, caller_verified, user_organisation_sor,
                    user_type, document_unique_id, family, citizen_cpr, data_municipality_sor)
                SELECT now() - interval '10 minutes' - (r * 365.0 / (? / 2)) * interval '1 day', md5(r::text)::uuid,
                       CASE WHEN r %% 100 = 0 THEN 'NOT_FOUND' ELSE 'RETRIEVED' END, true,
                       CASE WHEN r %% 50 = 0 THEN (400000 + r %% 21 + 1)::text ELSE (400022 + r %% 1999)::text END,
                       CASE WHEN r %% 10 = 0 THEN 'nsi:Citizen' ELSE 'nsi:HealthcareProfessional' END,
                       '2.25.' || (r %% 1000000), 'TELMA', lpad((r %% 400000)::text, 10, '0'), %s
                FROM generate_series(1, ? / 2) AS r, generate_series(1, 2) AS d""").formatted(SOR.formatted("r")))
                .param(audit).param(audit).update();
    }
}
