package dk.eojxds.bench.drill;

import dk.eojxds.handover.WorkerThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The failover drill (issue 24, docs/operations.md "Failover"): PostgreSQL on two Patroni nodes in
 * synchronous mode, two instances of each service on the multi-host JDBC URL, steady gateway load
 * (the dev-stack's simulator) and ITI-43 load; then, twice (fail over and fail back), the
 * primary's node is killed (SIGKILL to Patroni and the postmaster) and the standby promoted; in
 * between, one instance is stopped with SIGTERM and another killed with SIGKILL and both started
 * again. At the end the load stops, the pipeline drains, and {@link DrillReport} counts and checks.
 * Run with {@code bin/failover-drill}; exits non-zero when a check fails.
 */
public final class FailoverDrill {

    static final Path DIR = Path.of("/var/tmp/eojxds-drill");

    private FailoverDrill() {
    }

    public static void main(String[] args) throws Exception {
        Path root = root();
        DrillReport report = new DrillReport("Failover drill");
        Instant started = Instant.now();
        try (PatroniCluster cluster = new PatroniCluster(DIR);
             ServiceFleet fleet = new ServiceFleet(root, DIR, new PatroniCluster(DIR).jdbcUrl())) {
            report.step("PostgreSQL: etcd and two Patroni nodes, synchronous standby streaming");
            cluster.start();
            DrillDatabase db = new DrillDatabase(cluster.jdbcUrl());
            report.step("the dev-stack's stand-ins, the gateway simulator publishing a delivery every 0.5 s");
            fleet.startDevStack("--eojxds.simulator.enabled=true", "--eojxds.simulator.interval=PT0.5S",
                    "--eojxds.simulator.citizens=40", "--eojxds.simulator.seed-days=1",
                    "--eojxds.simulator.withdraw-every=10");
            report.step("migrations once (--migrate-only), then two instances of each service");
            fleet.migrate();
            // the repository first, and the simulated municipalities live before ingest reads anything:
            // a version built while its municipality is not live is never registered (only the newest is)
            fleet.start("xds-repository-service", 1);
            fleet.start("xds-repository-service", 2);
            for (ServiceFleet.Instance instance : fleet.instances()) {
                Wait.until(instance.name() + " ready", Duration.ofMinutes(5), () -> fleet.ready(instance));
            }
            fleet.publishSimulatedMunicipalities();
            for (String service : List.of("ingest-service", "registry-adapter")) {
                fleet.start(service, 1);
                fleet.start(service, 2);
            }
            for (ServiceFleet.Instance instance : fleet.instances()) {
                Wait.until(instance.name() + " ready", Duration.ofMinutes(5), () -> fleet.ready(instance));
            }
            Wait.until("the first registrations", Duration.ofMinutes(3),
                    () -> db.count("SELECT count(*) FROM registry.registration WHERE state = 'REGISTERED'") > 20);
            Instant loadStarted = Instant.now();
            HealthWatch health = new HealthWatch(fleet);
            RetrieveLoad retrieves = new RetrieveLoad(root, StandIns.soapHeaders(), fleet.of("xds-repository-service").stream()
                    .map(ServiceFleet.Instance::port).toList(), db::retrievable, Duration.ofMillis(100));
            List<Thread> threads = List.of(WorkerThreads.start("drill-HealthWatch", health),
                    WorkerThreads.start("drill-RetrieveLoad", retrieves));
            report.step("steady load for 30 s");
            Thread.sleep(30_000);

            List<Instant[]> failovers = new ArrayList<>();
            for (int round = 1; round <= 2; round++) {
                failovers.add(failover(cluster, report, round));
                report.step("load for 20 s after the failover");
                Thread.sleep(20_000);
                if (round == 1) {
                    restartInstances(fleet, report);
                }
            }
            report.step("stopping the load; waiting for the pipeline to drain");
            retrieves.stop();
            StandIns.pauseGateway(true);
            Wait.until("the pipeline drained", Duration.ofMinutes(10), () -> db.drained()
                    && db.count("SELECT count(*) FROM ingest.resource") + db.count("SELECT count(*) FROM ingest.quarantine")
                    >= StandIns.gatewayResources());
            health.stop();
            threads.forEach(FailoverDrill::join);
            report.results(new DrillReport.Observed(cluster, fleet, db, retrieves.results(), health.transitions(),
                    failovers, loadStarted, StandIns.gatewayResources(), StandIns.registryCounts()));
        } catch (Exception e) {
            report.failed("the drill stopped: " + e);
            e.printStackTrace();
        }
        report.print(Duration.between(started, Instant.now()));
        System.exit(report.passed() ? 0 : 1);
    }

    /** Kills the primary's node, waits for the promotion, starts the node again as a standby. */
    private static Instant[] failover(PatroniCluster cluster, DrillReport report, int round) throws Exception {
        PatroniCluster.Node primary = cluster.primary().orElseThrow(() -> new IllegalStateException("no primary"));
        PatroniCluster.Node standby = cluster.other(primary);
        report.step("failover " + round + ": SIGKILL to " + primary.name() + " (Patroni and the postmaster)");
        Instant killed = Instant.now();
        cluster.killNode(primary);
        Wait.until(standby.name() + " promoted", Duration.ofMinutes(2), () -> cluster.isPrimary(standby));
        Instant promoted = Instant.now();
        report.step(standby.name() + " promoted after " + Duration.between(killed, promoted).toMillis() + " ms; "
                + primary.name() + " started again");
        cluster.startNode(primary);
        Wait.until(primary.name() + " streaming again as the synchronous standby", Duration.ofMinutes(3),
                () -> cluster.isStreamingReplica(primary) && cluster.syncStandby().isPresent());
        return new Instant[] {killed, promoted};
    }

    /** One instance stopped as an orchestrator stops it, another killed; both started again. */
    private static void restartInstances(ServiceFleet fleet, DrillReport report) throws Exception {
        ServiceFleet.Instance ingest = fleet.of("ingest-service").get(0);
        report.step("SIGTERM to " + ingest.name() + " while it drains (exit " + fleet.terminate(ingest) + "); started again");
        ServiceFleet.Instance again = fleet.start("ingest-service", ingest.index());
        ServiceFleet.Instance registry = fleet.of("registry-adapter").get(0);
        report.step("SIGKILL to " + registry.name() + " while it registers; started again");
        fleet.kill(registry);
        ServiceFleet.Instance registryAgain = fleet.start("registry-adapter", registry.index());
        ServiceFleet.Instance repository = fleet.of("xds-repository-service").get(0);
        report.step("SIGKILL to " + repository.name() + " while it builds and answers ITI-43; started again");
        fleet.kill(repository);
        ServiceFleet.Instance repositoryAgain = fleet.start("xds-repository-service", repository.index());
        for (ServiceFleet.Instance instance : List.of(again, registryAgain, repositoryAgain)) {
            Wait.until(instance.name() + " ready again", Duration.ofMinutes(5), () -> fleet.ready(instance));
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The repository's root: exec:java runs in bench/. */
    public static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("docs/examples")) ? here : here.getParent();
    }
}
