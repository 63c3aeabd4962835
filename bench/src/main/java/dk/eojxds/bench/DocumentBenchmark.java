package dk.eojxds.bench;

import static dk.eojxds.bench.Measuring.count;

import dk.eojxds.devstack.gateway.SimulatedGateway;
import dk.eojxds.devstack.gateway.SyntheticCitizens;
import dk.eojxds.devstack.gateway.SyntheticFsiii;
import dk.eojxds.devstack.gateway.SyntheticKpro;
import dk.eojxds.devstack.gateway.SyntheticTelma;
import dk.eojxds.localstack.LocalStack;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.PostgresServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Documents built and registered per second, per family, and freshness (a delta published at the
 * gateway simulator until the registry returns its document) under a steady load, over the whole
 * local stack in one JVM.
 * <p>
 * Run: {@code ./mvnw -q -pl bench exec:java -Dexec.mainClass=dk.eojxds.bench.DocumentBenchmark
 * -Dexec.args="3000 60"} (citizens for the bulk run, seconds of steady load).
 */
public final class DocumentBenchmark {

    private DocumentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int citizens = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int steadySeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        System.out.printf("machine: %d cores, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        bulk(citizens);
        freshness(steadySeconds);
        System.exit(0);
    }

    private static void bulk(int citizens) throws Exception {
        DatabaseCoordinates db = PostgresServer.forTests().createDatabase("benchdocs");
        try (LocalStack stack = LocalStack.start(db, LocalStack.Ports.any(), Map.of(
                "dev-stack", List.of("eojxds.simulator.enabled=false", "logging.level.root=WARN"),
                "ingest-service", List.of("eojxds.fkg.poll-interval=PT0.5S", "eojxds.fkg.feeds.telma.page-size=1000",
                        "eojxds.fkg.feeds.kpro.page-size=1000", "eojxds.fkg.feeds.fsiii.page-size=200",
                        "logging.level.root=WARN"),
                "xds-repository-service", List.of("eojxds.repository.build-interval=PT0.2S", "logging.level.root=WARN"),
                "registry-adapter", List.of("eojxds.registry.poll-interval=PT0.2S", "logging.level.root=WARN")))) {
            SimulatedGateway gateway = stack.devStack().getBean(SimulatedGateway.class);
            Random random = new Random(1);
            List<SyntheticCitizens.Citizen> people = SyntheticCitizens.create(citizens, random);
            SyntheticTelma telma = new SyntheticTelma(random);
            SyntheticKpro kpro = new SyntheticKpro(random);
            SyntheticFsiii fsiii = new SyntheticFsiii(random);
            Instant morning = Instant.now().minus(Duration.ofHours(6));
            for (int i = 0; i < people.size(); i++) {
                telma.morningSet(people.get(i), morning).forEach(gateway::publish);
                if (i % 3 == 0) {
                    gateway.publish(kpro.response(people.get(i), morning));
                }
                if (i % 6 == 0) {
                    gateway.publish(fsiii.report(people.get(i), morning));
                }
            }
            long expected = citizens + (citizens + 2) / 3 + (citizens + 5) / 6;
            JdbcClient jdbc = Measuring.jdbc(db);
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (count(jdbc, "SELECT count(*) FROM registry.registration WHERE state = 'REGISTERED'") < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not all documents were registered in 20 minutes");
                }
                Measuring.failOnBuildFailure(jdbc);
                Thread.sleep(500);
            }
            System.out.println("| family | documents | built/s | registered/s | mean size (bytes) |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (String family : List.of("TELMA", "KPRO", "FSIII")) {
                Map<String, Object> row = jdbc.sql("""
                        SELECT count(*) AS n,
                               count(*) / greatest(extract(epoch FROM max(d.stored_at) - min(d.stored_at)), 0.001) AS built,
                               count(*) / greatest(extract(epoch FROM max(r.registered_at) - min(r.registered_at)), 0.001) AS registered,
                               avg(d.size_bytes) AS size
                        FROM repository.document d JOIN registry.registration r ON r.document_unique_id = d.unique_id
                        WHERE d.family = ?""").param(family).query().singleRow();
                System.out.printf("| %s | %,d | %,.0f | %,.0f | %,.0f |%n", family, ((Number) row.get("n")).longValue(),
                        ((Number) row.get("built")).doubleValue(), ((Number) row.get("registered")).doubleValue(),
                        ((Number) row.get("size")).doubleValue());
            }
        }
    }

    // Default polling settings; one citizen's morning set every 200 ms (25 resources/s), for the given time.
    private static void freshness(int seconds) throws Exception {
        DatabaseCoordinates db = PostgresServer.forTests().createDatabase("benchfresh");
        try (LocalStack stack = LocalStack.start(db, LocalStack.Ports.any(), Map.of(
                "dev-stack", List.of("eojxds.simulator.enabled=false", "logging.level.root=WARN"),
                "ingest-service", List.of("logging.level.root=WARN"),
                "xds-repository-service", List.of("logging.level.root=WARN"),
                "registry-adapter", List.of("logging.level.root=WARN")))) {
            SimulatedGateway gateway = stack.devStack().getBean(SimulatedGateway.class);
            Random random = new Random(2);
            List<SyntheticCitizens.Citizen> people = SyntheticCitizens.create(seconds * 5, random);
            SyntheticTelma telma = new SyntheticTelma(random);
            Thread.sleep(3000);
            long start = System.nanoTime();
            for (int i = 0; i < people.size(); i++) {
                long due = start + i * 200_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                // measured "now": the resources are stamped when published
                telma.morningSet(people.get(i), Instant.now().minusSeconds(1)).forEach(gateway::publish);
            }
            JdbcClient jdbc = Measuring.jdbc(db);
            while (count(jdbc, "SELECT count(*) FROM registry.registration WHERE state = 'REGISTERED'") < people.size()) {
                Thread.sleep(500);
            }
            Map<String, Object> row = jdbc.sql("""
                    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50,
                           percentile_cont(0.95) WITHIN GROUP (ORDER BY lag) AS p95,
                           max(lag) AS worst, count(*) AS n
                    FROM (SELECT extract(epoch FROM r.registered_at - d.creation_time) AS lag
                          FROM repository.document d JOIN registry.registration r ON r.document_unique_id = d.unique_id) t
                    """).query().singleRow();
            System.out.printf("%nfreshness over %d s of steady load (%,d documents, default polling: ingest 5 s with "
                            + "tail polls every 1 s, build 0.25 s, register 0.25 s): p50 %.1f s, p95 %.1f s, worst %.1f s%n", seconds,
                    ((Number) row.get("n")).longValue(), ((Number) row.get("p50")).doubleValue(),
                    ((Number) row.get("p95")).doubleValue(), ((Number) row.get("worst")).doubleValue());
        }
    }
}
