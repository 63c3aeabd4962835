package dk.eojxds.bench.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The suite as separate processes, as it runs in production: the dev-stack's stand-ins, and each
 * service from its runnable jar, any number of instances on the same database, settings as the
 * local stack gives them (DGWS on ITI-43 with the test STS, the test issuer's JWTs). Instances are
 * stopped as an orchestrator stops them (SIGTERM) or killed (SIGKILL).
 */
final class ServiceFleet implements AutoCloseable {

    static final int DEV_STACK_PORT = 18090;
    static final String TEST_CVR = "12345678";

    record Instance(String service, int index, int port, int managementPort, Process process, Path log) {
        String name() {
            return service + "-" + index;
        }
    }

    private final Path root;
    private final Path dir;
    private final String jdbcUrl;
    private final List<Instance> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ServiceFleet(Path root, Path dir, String jdbcUrl) {
        this.root = root;
        this.dir = dir;
        this.jdbcUrl = jdbcUrl;
    }

    List<Instance> instances() {
        return List.copyOf(instances);
    }

    List<Instance> of(String service) {
        return instances.stream().filter(i -> i.service().equals(service) && i.process().isAlive()).toList();
    }

    private Path credential(String name) {
        return dir.resolve("sts").resolve(name);
    }

    Instance startDevStack(String... extra) throws Exception {
        Files.createDirectories(dir.resolve("sts"));
        List<String> args = new ArrayList<>(List.of("--server.port=" + DEV_STACK_PORT,
                "--eojxds.test-sts.ca-file=" + credential("test-sts-ca.pem"),
                "--eojxds.test-sts.organisation-certificate-file=" + credential("organisation.crt"),
                "--eojxds.test-sts.organisation-key-file=" + credential("organisation.key"),
                "--eojxds.test-issuer.public-key-file=" + credential("test-issuer.pem")));
        args.addAll(List.of(extra));
        Instance devStack = launch("dev-stack", 0, DEV_STACK_PORT, DEV_STACK_PORT, "384m", args);
        Wait.until("the dev-stack ready", Duration.ofMinutes(3), () -> ready(devStack));
        return devStack;
    }

    /**
     * Loads the dev-stack's municipality reference data and sets the simulated municipalities live
     * through a repository instance's operator API, as an operator takes municipalities live.
     */
    void publishSimulatedMunicipalities() throws IOException {
        int port = of("xds-repository-service").get(0).port();
        StandIns.operatorCall("POST", port, "/admin/reference/municipalities", "text/csv",
                Files.readString(root.resolve("ops/reference/municipalities-dev-stack.csv")));
        StandIns.operatorCall("POST", port, "/admin/publishing", "application/json",
                "{\"municipalities\":[101,461,492,751,851],\"state\":\"LIVE\",\"reason\":\"drill\"}");
    }

    /** Each service's migrations alone (--migrate-only), as a rollout's Job runs them. */
    void migrate() throws Exception {
        for (String service : List.of("ingest-service", "xds-repository-service", "registry-adapter")) {
            List<String> args = new ArrayList<>(List.of("--migrate-only"));
            args.addAll(database(service));
            Process process = new ProcessBuilder(command(service, "256m", args)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("log/migrate-" + service + ".log").toFile()).start();
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("the migrations of " + service + " failed; see " + dir.resolve("log"));
            }
        }
    }

    Instance start(String service, int index) throws IOException {
        int offset = switch (service) {
            case "ingest-service" -> 1;
            case "xds-repository-service" -> 2;
            default -> 3;
        };
        int port = 18000 + offset * 10 + index;
        int management = 19000 + offset * 10 + index;
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--management.server.port=" + management,
                "--spring.flyway.enabled=false",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + credential("test-issuer.pem")));
        args.addAll(database(service));
        args.addAll(switch (service) {
            case "ingest-service" -> List.of("--eojxds.fkg.base-url=http://127.0.0.1:" + DEV_STACK_PORT + "/fhir",
                    "--eojxds.fsiii.built-in-terminology=true", "--eojxds.fkg.poll-interval=PT1S");
            case "xds-repository-service" -> List.of("--eojxds.fsiii.built-in-terminology=true",
                    "--eojxds.repository.build-interval=PT0.25S",
                    "--eojxds.security.trusted-certificates=" + credential("test-sts-ca.pem"),
                    "--eojxds.security.sts-subjects=CN=eoj-xds local test STS,O=eoj-xds dev-stack",
                    "--eojxds.cpr-lookup.url=http://127.0.0.1:" + DEV_STACK_PORT
                            + "/stamdata-cpr-ws/service/DetGodeCPROpslag-1.0.4",
                    "--eojxds.cpr-lookup.dgws.sts-url=http://127.0.0.1:" + DEV_STACK_PORT + "/sts/services/NewSecurityTokenService",
                    "--eojxds.cpr-lookup.dgws.certificate=" + credential("organisation.crt"),
                    "--eojxds.cpr-lookup.dgws.private-key=" + credential("organisation.key"),
                    "--eojxds.cpr-lookup.dgws.cvr=" + TEST_CVR);
            default -> List.of("--eojxds.registry.iti42-url=http://127.0.0.1:" + DEV_STACK_PORT + "/services/registry/iti42",
                    "--eojxds.registry.iti57-url=http://127.0.0.1:" + DEV_STACK_PORT + "/services/registry/iti57",
                    "--eojxds.registry.iti18-url=http://127.0.0.1:" + DEV_STACK_PORT + "/services/registry/iti18",
                    "--eojxds.registry.poll-interval=PT0.25S", "--eojxds.registry.first-retry=PT1S",
                    "--eojxds.registry.max-retry=PT5S",
                    "--eojxds.registry.dgws.sts-url=http://127.0.0.1:" + DEV_STACK_PORT + "/sts/services/NewSecurityTokenService",
                    "--eojxds.registry.dgws.certificate=" + credential("organisation.crt"),
                    "--eojxds.registry.dgws.private-key=" + credential("organisation.key"),
                    "--eojxds.registry.dgws.cvr=" + TEST_CVR);
        });
        return launch(service, index, port, management, service.equals("xds-repository-service") ? "640m" : "384m", args);
    }

    private List<String> database(String service) {
        String role = switch (service) {
            case "ingest-service" -> "eojxds_ingest";
            case "xds-repository-service" -> "eojxds_repository";
            default -> "eojxds_registry";
        };
        return List.of("--eojxds.db.url=" + jdbcUrl, "--eojxds.db.user=" + role,
                "--eojxds.db.password=" + PatroniCluster.PASSWORD, "--eojxds.db.migration-user=eojxds",
                "--eojxds.db.migration-password=" + PatroniCluster.PASSWORD);
    }

    private List<String> command(String service, String heap, List<String> args) {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-Deojxds.drill=" + dir, "-jar",
                root.resolve(service + "/target/" + service + "-0.1.0-SNAPSHOT-exec.jar").toString()));
        command.addAll(args);
        return command;
    }

    private Instance launch(String service, int index, int port, int management, String heap, List<String> args)
            throws IOException {
        Path log = dir.resolve("log/" + service + "-" + index + "-" + System.currentTimeMillis() + ".log");
        Process process = new ProcessBuilder(command(service, heap, args)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Instance instance = new Instance(service, index, port, management, process, log);
        instances.add(instance);
        return instance;
    }

    /** The instance's readiness (its database included), or "UNREACHABLE". */
    String readiness(Instance instance) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.managementPort()
                            + "/actuator/health/readiness")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.contains("\"UP\"") ? "UP" : "DOWN";
        } catch (IOException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNREACHABLE";
        }
    }

    boolean ready(Instance instance) {
        return "UP".equals(readiness(instance));
    }

    /** As an orchestrator stops a pod: SIGTERM, then wait for the graceful shutdown. */
    int terminate(Instance instance) throws InterruptedException {
        instance.process().destroy();
        if (!instance.process().waitFor(90, TimeUnit.SECONDS)) {
            instance.process().destroyForcibly();
            return -1;
        }
        return instance.process().exitValue();
    }

    void kill(Instance instance) throws InterruptedException {
        instance.process().destroyForcibly();
        instance.process().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        instances.forEach(i -> i.process().destroyForcibly());
    }
}
