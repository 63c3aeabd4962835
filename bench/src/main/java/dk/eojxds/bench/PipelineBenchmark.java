package dk.eojxds.bench;

import static dk.eojxds.bench.Measuring.count;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import dk.eojxds.devstack.gateway.SimulatedGateway;
import dk.eojxds.devstack.registry.RegistryCost;
import dk.eojxds.devstack.gateway.SyntheticCitizens;
import dk.eojxds.devstack.gateway.SyntheticFsiii;
import dk.eojxds.devstack.gateway.SyntheticKpro;
import dk.eojxds.devstack.gateway.SyntheticTelma;
import dk.eojxds.ingest.load.InitialLoad;
import dk.eojxds.localstack.LocalStack;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.PostgresServer;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pipeline behind ingest with a backlog, over the whole local stack in one JVM against the
 * registry stand-in: an NDJSON initial load (backlog priority) is built and registered, and the
 * rates are taken from the stored and registered timestamps.
 * <p>
 * Run: {@code ./mvnw -q -pl bench exec:java -Dexec.mainClass=dk.eojxds.bench.PipelineBenchmark
 * -Dexec.args="MODE N"}, MODE one of
 * <ul>
 *   <li>{@code mixed N}: N citizens' TELMA morning sets, a K-PRO response for every third, an FSIII
 *       report for every sixth (the document benchmark's mix);</li>
 *   <li>{@code fsiii N}: N citizens' FSIII reports alone;</li>
 *   <li>{@code telma N}: N TELMA resources (10,000 citizens, six days), end to end: the wall time
 *       from the start of the load until every document is registered;</li>
 *   <li>{@code backlog N S}: N TELMA resources as backlog, and S seconds of live deltas at the
 *       gateway simulator meanwhile (one citizen's morning set every 200 ms): the live documents'
 *       freshness while the backlog drains.</li>
 * </ul>
 * {@code stages} after {@code mixed N} or {@code fsiii N} measures each stage with the cores to
 * itself: every document built while registration is held back, then registration alone.
 */
public final class PipelineBenchmark {

    private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "mixed";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        // mixed and fsiii run a warm-up load first (as many other citizens; "warm-up=K" sets it, 0 or
        // "cold" skips it), as a long-running instance is warm: JIT-compiled, HAPI's structure
        // definitions loaded. A warm-up of a fifth left the compilers a quarter of the run's CPU.
        int warmUpCitizens = List.of(args).contains("cold") ? 0 : List.of(args).stream()
                .filter(a -> a.startsWith("warm-up=")).map(a -> Integer.parseInt(a.substring(8))).findFirst().orElse(n);
        boolean warm = (mode.equals("mixed") || mode.equals("fsiii")) && warmUpCitizens > 0;
        boolean stages = List.of(args).contains("stages");
        System.out.printf("machine: %d cores, max heap %d MiB; mode %s %d%s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, mode, n, warm ? " after a warm-up load" : " (cold)");
        DatabaseCoordinates db = PostgresServer.forTests().createDatabase("benchpipe");
        Path file = Files.createTempFile("eojxds-pipeline", ".ndjson");
        Path warmUp = Files.createTempFile("eojxds-pipeline-warm-up", ".ndjson");
        try {
            long lines = write(mode, file, n, 1);
            long warmUpLines = warm ? write(mode, warmUp, warmUpCitizens, 2) : 0;
            try (LocalStack stack = LocalStack.start(db, LocalStack.Ports.any(), quiet())) {
                JdbcClient jdbc = Measuring.jdbc(db);
                InitialLoad load = stack.ingest().getBean(InitialLoad.class);
                long before = 0;
                if (warm) {
                    before = waitForRegistrations(jdbc, load(load, jdbc, warmUp, warmUpLines, 0));
                    System.out.printf("warm-up: %,d documents registered%n", before);
                }
                Instant since = Instant.now();
                long start = System.nanoTime();
                RegistryCost registry = stack.devStack().getBean(RegistryCost.class);
                CpuSnapshot cpuStart = CpuSnapshot.take(registry);
                if (mode.equals("backlog")) {
                    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
                    SimulatedGateway gateway = stack.devStack().getBean(SimulatedGateway.class);
                    List<SyntheticCitizens.Citizen> people = SyntheticCitizens.create(seconds * 5, new Random(3));
                    List<String> liveCitizens = people.stream().map(p -> p.cpr().value()).toList();
                    long expected = load(load, jdbc, file, lines, 0);
                    // the live deltas arrive while the load's backlog drains; the backlog need not finish
                    Thread live = new Thread(() -> publishLive(gateway, people), "live-deltas");
                    live.start();
                    live.join();
                    waitForLive(jdbc, liveCitizens);
                    freshness(jdbc, liveCitizens, expected);
                } else if (stages) {
                    // each stage with the cores to itself: every document built while registration is
                    // held, then registration of them all, building idle
                    try (HeldRegistration held = HeldRegistration.hold(stack.registryAdapter())) {
                        long documents = load(load, jdbc, file, lines, before);
                        waitForBuilt(jdbc, since, documents);
                        CpuSnapshot built = CpuSnapshot.take(registry);
                        held.release();
                        waitForRegistrations(jdbc, before + documents);
                        CpuSnapshot registered = CpuSnapshot.take(registry);
                        report(jdbc, mode, lines, documents, (registered.wallNanos() - start) / 1e9, since);
                        System.out.printf("building alone (from the start of the load), %.1f s:%n", (built.wallNanos() - start) / 1e9);
                        built.printSince(cpuStart, documents);
                        System.out.printf("registration alone, %.1f s:%n", (registered.wallNanos() - built.wallNanos()) / 1e9);
                        registered.printSince(built, documents);
                    }
                } else {
                    long documents = waitForRegistrations(jdbc, before + load(load, jdbc, file, lines, before)) - before;
                    CpuSnapshot end = CpuSnapshot.take(registry);
                    report(jdbc, mode, lines, documents, (end.wallNanos() - start) / 1e9, since);
                    end.printSince(cpuStart, documents);
                    // a table read whole per document shows here first, as PostgreSQL's CPU growing with the data
                    jdbc.sql("""
                            SELECT schemaname || '.' || relname AS t, seq_scan, seq_tup_read, idx_scan, n_live_tup
                            FROM pg_stat_all_tables WHERE schemaname IN ('ingest', 'repository', 'registry')
                            ORDER BY seq_tup_read DESC LIMIT 5""").query().listOfRows()
                            .forEach(r -> System.out.println("    sequential reads: " + r));
                }
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(warmUp);
        }
        System.exit(0);
    }

    private static long write(String mode, Path file, int n, long seed) throws Exception {
        return switch (mode) {
            case "mixed" -> writeMixed(file, n, true, true, seed);
            case "fsiii" -> writeMixed(file, n, false, false, seed);
            case "telma" -> writeTelma(file, n, 6);
            case "backlog" -> writeTelma(file, n, 10);
            default -> throw new IllegalArgumentException("mode: mixed, fsiii, telma or backlog");
        };
    }

    /** Runs one initial load to its end; answers the documents (series) it raised. */
    private static long load(InitialLoad load, JdbcClient jdbc, Path file, long lines, long seriesBefore) throws Exception {
        Thread loading = new Thread(() -> {
            load.run(List.of(file.toString()));
            ThreadCpu.ended("initial-load");
        }, "initial-load");
        loading.start();
        return waitForIngest(jdbc, loading, lines) - seriesBefore;
    }

    private static Map<String, List<String>> quiet() {
        return Map.of("dev-stack", List.of("eojxds.simulator.enabled=false", "logging.level.root=WARN"),
                "ingest-service", List.of("logging.level.root=WARN"),
                "xds-repository-service", List.of("eojxds.repository.build-interval=PT0.2S", "logging.level.root=WARN"),
                "registry-adapter", List.of("eojxds.registry.poll-interval=PT0.2S", "logging.level.root=WARN"));
    }

    static long writeMixed(Path file, int citizens, boolean telmaAndKpro, boolean everySixth, long seed)
            throws Exception {
        Random random = new Random(seed);
        List<SyntheticCitizens.Citizen> people = SyntheticCitizens.create(citizens, random);
        SyntheticTelma telma = new SyntheticTelma(random);
        SyntheticKpro kpro = new SyntheticKpro(random);
        SyntheticFsiii fsiii = new SyntheticFsiii(random);
        Instant morning = Instant.now().minus(Duration.ofHours(6));
        long lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < people.size(); i++) {
                if (telmaAndKpro) {
                    for (var observation : telma.morningSet(people.get(i), morning)) {
                        lines += line(out, stamped(observation, morning));
                    }
                    if (i % 3 == 0) {
                        lines += line(out, stamped(kpro.response(people.get(i), morning), morning));
                    }
                }
                if (!everySixth || i % 6 == 0) {
                    lines += line(out, stamped(fsiii.report(people.get(i), morning), morning));
                }
            }
        }
        return lines;
    }

    // as the gateway serves them: version and lastUpdated set
    private static String stamped(org.hl7.fhir.r4.model.Resource resource, Instant at) {
        resource.setId(resource.getIdElement().getIdPart());
        resource.getMeta().setVersionId("1").setLastUpdated(java.util.Date.from(at));
        return JSON.encodeResourceToString(resource);
    }

    private static long writeTelma(Path file, int resources, int days) throws Exception {
        SyntheticTelmaFeed feed = new SyntheticTelmaFeed(Instant.now().minus(Duration.ofHours(3)), resources, days);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < resources; i++) {
                line(out, feed.json(i));
            }
        }
        return resources;
    }

    private static int line(BufferedWriter out, String json) throws Exception {
        out.write(json);
        out.write('\n');
        return 1;
    }

    // one citizen's morning set every 200 ms, stamped when published
    private static void publishLive(SimulatedGateway gateway, List<SyntheticCitizens.Citizen> people) {
        SyntheticTelma telma = new SyntheticTelma(new Random(4));
        long start = System.nanoTime();
        for (int i = 0; i < people.size(); i++) {
            long wait = start + i * 200_000_000L - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            telma.morningSet(people.get(i), Instant.now().minusSeconds(1)).forEach(gateway::publish);
        }
    }

    /** Waits for the load to finish; answers the number of series (documents) it raised. */
    private static long waitForIngest(JdbcClient jdbc, Thread loading, long lines) throws Exception {
        loading.join(Duration.ofHours(2).toMillis());
        long series = count(jdbc, "SELECT count(*) FROM ingest.change WHERE priority = 1");
        jdbc.sql("SELECT reasons[1] AS reason, count(*) AS n FROM ingest.quarantine GROUP BY 1 ORDER BY 2 DESC LIMIT 3")
                .query().listOfRows().forEach(r -> System.out.println("  quarantined: " + r));
        System.out.printf("loaded %,d lines: %,d resources, %,d quarantined, %,d documents to build%n", lines,
                count(jdbc, "SELECT count(*) FROM ingest.resource"), count(jdbc, "SELECT count(*) FROM ingest.quarantine"),
                series);
        return series;
    }

    private static void waitForBuilt(JdbcClient jdbc, Instant since, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
        while (jdbc.sql("SELECT count(*) FROM repository.document WHERE stored_at >= ?")
                .param(java.sql.Timestamp.from(since)).query(Long.class).single() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not all " + expected + " documents built in 2 hours");
            }
            Measuring.failOnBuildFailure(jdbc);
            Thread.sleep(200);
        }
    }

    private static long waitForRegistrations(JdbcClient jdbc, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
        long registered;
        while ((registered = count(jdbc, "SELECT count(*) FROM registry.registration WHERE state = 'REGISTERED'"))
                < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + registered + " of " + expected + " registered in 2 hours");
            }
            Measuring.failOnBuildFailure(jdbc);
            Thread.sleep(500);
        }
        return registered;
    }

    private static void report(JdbcClient jdbc, String mode, long lines, long documents, double wall, Instant since) {
        Map<String, Object> row = jdbc.sql("""
                SELECT count(*) / greatest(extract(epoch FROM max(d.stored_at) - min(d.stored_at)), 0.001) AS built,
                       count(*) / greatest(extract(epoch FROM max(r.registered_at) - min(r.registered_at)), 0.001) AS registered,
                       extract(epoch FROM max(r.registered_at) - min(d.stored_at)) AS span
                FROM repository.document d JOIN registry.registration r ON r.document_unique_id = d.unique_id
                WHERE d.stored_at >= ?
                """).param(java.sql.Timestamp.from(since)).query().singleRow();
        System.out.printf("%s: %,d input lines, %,d documents; built %,.0f/s, registered %,.0f/s (first stored to "
                        + "last registered %.1f s); wall time from the start of the load to the last registration %.1f s "
                        + "(%,.0f documents/s)%n", mode, lines, documents, ((Number) row.get("built")).doubleValue(),
                ((Number) row.get("registered")).doubleValue(), ((Number) row.get("span")).doubleValue(), wall,
                documents / wall);
        jdbc.sql("""
                SELECT d.family, count(*) AS n, avg(d.size_bytes) AS size FROM repository.document d WHERE d.stored_at >= ?
                GROUP BY 1 ORDER BY 1
                """).param(java.sql.Timestamp.from(since)).query().listOfRows().forEach(r -> System.out.printf("  %s: %,d documents, mean %,.0f bytes%n",
                r.get("family"), ((Number) r.get("n")).longValue(), ((Number) r.get("size")).doubleValue()));
        jdbc.sql("SELECT documents, count(*) AS n FROM (SELECT submission_set_unique_id, count(*) AS documents "
                        + "FROM registry.registration WHERE registered_at >= ? GROUP BY 1) s GROUP BY 1 ORDER BY 1")
                .param(java.sql.Timestamp.from(since)).query().listOfRows().forEach(r -> System.out.printf("  submission sets of %s document(s): %,d%n",
                        r.get("documents"), ((Number) r.get("n")).longValue()));
    }

    private static void waitForLive(JdbcClient jdbc, List<String> citizens) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (jdbc.sql("SELECT count(DISTINCT d.citizen_cpr) FROM repository.document d JOIN registry.registration r "
                        + "ON r.document_unique_id = d.unique_id AND r.state = 'REGISTERED' WHERE d.citizen_cpr = ANY (?::text[])")
                .param("{" + String.join(",", citizens) + "}").query(Long.class).single() < citizens.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the live documents were not all registered in 30 minutes");
            }
            Measuring.failOnBuildFailure(jdbc);
            Thread.sleep(500);
        }
    }

    private static void freshness(JdbcClient jdbc, List<String> citizens, long backlog) {
        System.out.printf("backlog: %,d documents raised by the load; %,d documents registered in all when the last "
                + "live one was%n", backlog, count(jdbc, "SELECT count(*) FROM registry.registration WHERE state = 'REGISTERED'"));
        Map<String, Object> row = jdbc.sql("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50,
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY lag) AS p95, max(lag) AS worst, count(*) AS n
                FROM (SELECT extract(epoch FROM r.registered_at - d.creation_time) AS lag
                      FROM repository.document d JOIN registry.registration r ON r.document_unique_id = d.unique_id
                      WHERE d.citizen_cpr = ANY (?::text[])) t
                """).param("{" + String.join(",", citizens) + "}").query().singleRow();
        System.out.printf("live documents while the backlog drained (%,d): freshness p50 %.1f s, p95 %.1f s, worst %.1f s%n",
                ((Number) row.get("n")).longValue(), ((Number) row.get("p50")).doubleValue(),
                ((Number) row.get("p95")).doubleValue(), ((Number) row.get("worst")).doubleValue());
    }
}
