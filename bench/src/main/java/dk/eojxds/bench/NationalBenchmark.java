package dk.eojxds.bench;

import dk.eojxds.localstack.LocalStack;
import dk.eojxds.repository.statistics.UsageRollup;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole stack over a growing national store (issue 27): the store is filled with a year of a
 * scaled-down nation ({@link NationalData}) to each size in turn, and at each size the benchmark
 * measures what users feel and what operators pay: ITI-43 latency at a fixed rate for today's
 * documents and for year-old ones, the pipeline's rate and freshness for a fresh load, the status
 * pages, the statistics roll-up, the audit trail's growth per retrieve, bytes on disk per
 * document, WAL, and the queues' dead rows under the churn (autovacuum on, as production has it).
 *
 * <p>Arguments: {@code SIZES [rate=R] [seconds=S] [citizens=C] [hold]}: SIZES the store sizes in
 * documents, comma-separated and growing ({@code 100000,1000000}); R ITI-43 requests per second
 * (default 50), S seconds per ITI-43 phase (default 20), C citizens in each pipeline load (default
 * 600; the pipeline benchmark's mix); {@code hold} keeps the stack and its database up at the end.
 * The first row is the empty database (after one unrecorded round, so that the JVM is warm).
 */
public final class NationalBenchmark {

    // the largest municipalities by population first (DST FOLK1A), the share table gives them the most citizens
    private static final List<Integer> BY_POPULATION = List.of(101, 751, 851, 461, 630, 561, 147, 730, 740, 791, 621,
            615, 657, 265);

    private NationalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = List.of(args.length > 0 ? args[0] : "100000,1000000").stream()
                .flatMap(s -> List.of(s.split(",")).stream()).map(Long::parseLong).toList();
        int rate = option(args, "rate", 50);
        int seconds = option(args, "seconds", 20);
        int citizens = option(args, "citizens", 600);
        PostgresServer server = PostgresServer.forTests();
        DatabaseCoordinates db = server.createDatabase("benchnational");
        JdbcClient jdbc = Measuring.jdbc(db);
        if ("off".equals(jdbc.sql("SHOW autovacuum").query(String.class).single())) {
            // production runs autovacuum; the bloat of the queues means nothing without it
            server.execute("ALTER SYSTEM SET autovacuum = on");
            server.execute("SELECT pg_reload_conf()");
            // put back as found, also when the run is stopped (a held run ends that way)
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.execute("ALTER SYSTEM RESET autovacuum");
                    server.execute("SELECT pg_reload_conf()");
                } catch (RuntimeException e) {
                    System.err.println("autovacuum was left on; ALTER SYSTEM RESET autovacuum puts it back: " + e);
                }
            }, "autovacuum-as-found"));
        }
        Path ca = Files.createTempFile("national-test-sts-ca", ".pem");
        System.out.printf("machine: %d cores, max heap %d MiB; sizes %s; ITI-43 at %d/s for %d s per phase; "
                        + "pipeline loads of %d citizens%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, sizes, rate, seconds, citizens);
        try (LocalStack stack = LocalStack.start(db, LocalStack.Ports.any(), Map.of(
                "dev-stack", List.of("eojxds.simulator.enabled=false", "eojxds.test-sts.ca-file=" + ca,
                        "logging.level.root=WARN"),
                "ingest-service", List.of("eojxds.fkg.enabled=false", "logging.level.root=WARN"),
                "xds-repository-service", List.of("eojxds.repository.build-interval=PT0.2S", "eojxds.security.mode=dgws",
                        "eojxds.statistics.rollup-interval=PT1000H", "logging.level.root=WARN"),
                "registry-adapter", List.of("eojxds.registry.poll-interval=PT0.2S", "logging.level.root=WARN")))) {
            NationalData.Nation nation = NationalData.Nation.DENMARK;
            String repositoryUniqueId = stack.repository().getEnvironment().getRequiredProperty("eojxds.repository.unique-id");
            NationalData data = new NationalData(jdbc, nation, NationalData.sharesOf(everyMunicipalityLive(stack, jdbc)),
                    repositoryUniqueId);
            System.out.printf("nation: %,d documents a year (FSIII %,d citizens x %d versions, TELMA %,d x %d days, "
                            + "K-PRO %,d x %d); %,d audit rows a year%n", nation.documentsPerYear(), nation.fsiiiCitizens(),
                    nation.fsiiiVersionsPerYear(), nation.telmaCitizens(), nation.telmaDays(), nation.kproCitizens(),
                    nation.kproResponsesPerYear(), nation.auditRowsPerYear());
            NationalMeasures measures = new NationalMeasures(stack, jdbc, repositoryUniqueId, rate, seconds, citizens);
            List<NationalMeasures.Row> rows = new ArrayList<>();
            // one round unrecorded first, as a long-running instance is warm (JIT, HAPI's structure definitions)
            measures.measure("warm-up", 0);
            rows.add(measures.measure("empty", 1));
            data.takeResourceTemplates();
            long[] have = {0, 0, 0};
            long auditRows = 0;
            for (long size : sizes) {
                long[] want = data.citizensFor(size);
                long wal = Measuring.wal(jdbc);
                long started = System.nanoTime();
                data.grow(have, want);
                long documents = Measuring.count(jdbc, "SELECT count(*) FROM repository.document");
                long audit = Math.round(nation.auditRowsPerYear() * (double) size / nation.documentsPerYear());
                data.audit(auditRows + 1, audit, want);
                auditRows = audit;
                double generated = (System.nanoTime() - started) / 1e9;
                System.out.printf("generated up to %,d documents (%,d FSIII, %,d TELMA, %,d K-PRO citizens) and %,d audit rows "
                                + "in %.0f s; WAL %,d bytes per document generated%n", documents, want[0], want[1], want[2],
                        auditRows, generated, (Measuring.wal(jdbc) - wal) / Math.max(1, documents - rows.get(rows.size() - 1).documents()));
                have = want;
                analyse(jdbc);
                Measuring.timed("the statistics' roll-up of the new audit rows", () -> stack.repository().getBean(UsageRollup.class)
                        .rollUntil(Instant.now().minus(Duration.ofMinutes(5))));
                rows.add(measures.measure(String.format("%,d", size), rows.size() + 1));
            }
            NationalMeasures.print(rows);
            if (List.of(args).contains("hold")) {
                // the stack and its database stay up for a closer look (EXPLAIN, the pages) until killed
                System.out.printf("holding: database %s, repository on port %d%n", db.url(), stack.ports().repository());
                Thread.currentThread().join();
            }
        } finally {
            Files.deleteIfExists(ca);
        }
        System.exit(0);
    }

    /**
     * Gives every municipality without one a SOR code and sets all 98 live, as a national
     * installation a year after go-live; answers their SOR codes, the most populous first.
     */
    private static List<String> everyMunicipalityLive(LocalStack stack, JdbcClient jdbc) {
        jdbc.sql("UPDATE repository.municipality SET sor_code = (1301999000000 + code)::text WHERE sor_code IS NULL").update();
        Map<Integer, String> sorByCode = new java.util.TreeMap<>();
        jdbc.sql("SELECT code, sor_code FROM repository.municipality").query()
                .listOfRows().forEach(r -> sorByCode.put(((Number) r.get("code")).intValue(), (String) r.get("sor_code")));
        stack.setPublishing(sorByCode.keySet().stream().filter(c -> !LocalStack.SIMULATED_MUNICIPALITIES.contains(c)).toList(),
                "LIVE", "the national benchmark publishes every municipality");
        List<Integer> ordered = new ArrayList<>(BY_POPULATION.stream().filter(sorByCode::containsKey).toList());
        sorByCode.keySet().stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        return ordered.stream().map(sorByCode::get).toList();
    }

    /**
     * As a store in use has it once the data is in: autovacuum's analyze done, the visibility map
     * set, and no checkpoint still writing out the generator's gigabytes while latency is measured.
     */
    static void analyse(JdbcClient jdbc) {
        Measuring.timed("vacuum analyze, checkpoint", () -> {
            for (String table : List.of("repository.document", "registry.registration", "ingest.resource", "ingest.change",
                    "repository.retrieve_audit")) {
                jdbc.sql("VACUUM ANALYZE " + table).update();
            }
            jdbc.sql("CHECKPOINT").update();
        });
    }

    private static int option(String[] args, String name, int fallback) {
        return List.of(args).stream().filter(a -> a.startsWith(name + "=")).map(a -> Integer.parseInt(a.substring(name.length() + 1)))
                .findFirst().orElse(fallback);
    }
}
