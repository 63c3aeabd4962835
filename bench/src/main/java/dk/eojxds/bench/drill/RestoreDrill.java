package dk.eojxds.bench.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The restore drill (issue 24, docs/operations.md "Restore"): the cluster archives WAL continuously
 * with pgBackRest and takes a full and an incremental backup under load; a restore point is
 * noted, the load goes on (the registry learns documents our restored database will not know),
 * then the whole cluster is lost. A fresh server is restored to the point in time, the services
 * start on it against the same gateway and registry, and the drill shows what happens to the work
 * after the restore point: cursors rewind, the gateway's window delivers again, documents are
 * rebuilt, and the registry is given no second copy of what it has (it answers "already
 * registered", which is recorded as registered). RPO and RTO measured. Run with
 * {@code bin/failover-drill restore}.
 */
public final class RestoreDrill {

    private RestoreDrill() {
    }

    public static void main(String[] args) throws Exception {
        Path root = FailoverDrill.root();
        Path dir = FailoverDrill.DIR;
        DrillReport report = new DrillReport("Restore drill");
        Instant started = Instant.now();
        ServiceFleet after = null;
        try (PatroniCluster cluster = new PatroniCluster(dir);
             ServiceFleet fleet = new ServiceFleet(root, dir, cluster.jdbcUrl());
             RestoredServer restored = new RestoredServer(dir)) {
            report.step("PostgreSQL: two Patroni nodes, WAL archived by pgBackRest");
            cluster.start();
            DrillDatabase db = new DrillDatabase(cluster.jdbcUrl());
            fleet.startDevStack("--eojxds.simulator.enabled=true", "--eojxds.simulator.interval=PT0.5S",
                    "--eojxds.simulator.citizens=40", "--eojxds.simulator.seed-days=1",
                    "--eojxds.simulator.withdraw-every=10");
            fleet.migrate();
            List<String> services = List.of("ingest-service", "xds-repository-service", "registry-adapter");
            // the simulated municipalities live before ingest reads anything (FailoverDrill)
            fleet.start("xds-repository-service", 1);
            awaitReady(fleet);
            fleet.publishSimulatedMunicipalities();
            fleet.start("ingest-service", 1);
            fleet.start("registry-adapter", 1);
            awaitReady(fleet);
            Wait.until("the first registrations", Duration.ofMinutes(3),
                    () -> db.count("SELECT count(*) FROM registry.registration WHERE state = 'REGISTERED'") > 20);
            report.step("full backup under load: " + backup(cluster, "full"));
            Thread.sleep(20_000);
            report.step("incremental backup under load: " + backup(cluster, "incr"));
            Thread.sleep(20_000);
            Instant target = Instant.now();
            long documentsAtTarget = db.count("SELECT count(*) FROM repository.document");
            report.step("restore point noted: " + documentsAtTarget + " documents, registry " + StandIns.registryCounts());
            // longer than archive_timeout (30 s), so the restore point is in the archive when all is lost
            Thread.sleep(45_000);
            Map<String, Object> archiver = db.row("SELECT last_archived_time, now() AS now FROM pg_stat_archiver");
            long documentsLost = db.count("SELECT count(*) FROM repository.document");
            String registryBefore = StandIns.registryCounts();
            report.step("the cluster is lost (every node and service killed): " + documentsLost + " documents then, "
                    + "registry " + registryBefore + "; last WAL archived " + archiver.get("last_archived_time")
                    + ", now " + archiver.get("now"));
            for (ServiceFleet.Instance instance : fleet.instances()) {
                if (!instance.service().equals("dev-stack")) {
                    fleet.kill(instance);
                }
            }
            for (PatroniCluster.Node node : cluster.nodes()) {
                cluster.killNode(node);
            }
            Instant lost = Instant.now();

            restored.restore(cluster.pgbackrestConfig(), target);
            restored.start();
            report.step("restored to the restore point and promoted (" + Duration.between(lost, Instant.now()).toSeconds()
                    + " s after the loss)");
            after = new ServiceFleet(root, dir, restored.jdbcUrl());
            DrillDatabase restoredDb = new DrillDatabase(restored.jdbcUrl());
            long documentsRestored = restoredDb.count("SELECT count(*) FROM repository.document");
            for (String service : services) {
                after.start(service, 1);
            }
            awaitReady(after);
            Instant serving = Instant.now();
            report.step("services ready on the restored database: RTO " + Duration.between(lost, serving).toSeconds()
                    + " s from the loss (restore, recovery, start)");
            StandIns.pauseGateway(true);
            Wait.until("everything the gateway holds ingested again and the pipeline drained", Duration.ofMinutes(10),
                    () -> restoredDb.drained() && restoredDb.count("SELECT count(*) FROM ingest.resource")
                            + restoredDb.count("SELECT count(*) FROM ingest.quarantine") >= StandIns.gatewayResources());
            // the operator's step after a restore: the registry's documents this database never built
            ServiceFleet.Instance adapter = after.of("registry-adapter").get(0);
            String queued = StandIns.operatorCall("POST", adapter.port(), "/admin/reconciliation?since=" + target);
            Wait.until("the reconciliation with the registry done", Duration.ofMinutes(5), () -> DrillReport.number(
                    StandIns.operatorCall("GET", adapter.port(), "/admin/reconciliation"), "pending") == 0);
            report.step("reconciliation with the registry: " + queued + " → "
                    + StandIns.operatorCall("GET", adapter.port(), "/admin/reconciliation"));
            report.restore(new DrillReport.Restored(documentsAtTarget, documentsLost, documentsRestored, registryBefore,
                    StandIns.registryCounts(), restoredDb, archiver, lost, serving));
        } catch (Exception e) {
            report.failed("the drill stopped: " + e);
            e.printStackTrace();
        } finally {
            if (after != null) {
                after.close();
            }
        }
        report.print(Duration.between(started, Instant.now()));
        System.exit(report.passed() ? 0 : 1);
    }

    private static void awaitReady(ServiceFleet fleet) throws InterruptedException {
        for (ServiceFleet.Instance instance : fleet.instances()) {
            if (instance.process().isAlive()) {
                Wait.until(instance.name() + " ready", Duration.ofMinutes(5), () -> fleet.ready(instance));
            }
        }
    }

    private static String backup(PatroniCluster cluster, String type) throws Exception {
        Instant started = Instant.now();
        Shell.runAs("postgres", "pgbackrest", "--config=" + cluster.pgbackrestConfig(), "--stanza=eojxds", "--type=" + type,
                "backup");
        return Duration.between(started, Instant.now()).toMillis() + " ms";
    }
}
