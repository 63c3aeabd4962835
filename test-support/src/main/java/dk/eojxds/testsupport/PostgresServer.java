package dk.eojxds.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that hands out fresh databases, so that tests (and local stacks) never see
 * each other's data. Which server is used:
 * <ol>
 *   <li>the one named by {@code EOJXDS_TEST_DB_URL} (with {@code EOJXDS_TEST_DB_USER} and
 *       {@code EOJXDS_TEST_DB_PASSWORD}): CI points it at the machine's PostgreSQL;</li>
 *   <li>else a Testcontainers PostgreSQL when a Docker engine answers;</li>
 *   <li>else an embedded PostgreSQL (zonky), which needs nothing but a JDK.</li>
 * </ol>
 * Databases created for tests are dropped when the JVM exits.
 */
public final class PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static volatile PostgresServer shared;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();

    PostgresServer(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreated, "drop-test-databases"));
    }

    /** The server for tests in this JVM, started or found on first use. */
    public static PostgresServer forTests() {
        PostgresServer server = shared;
        if (server == null) {
            synchronized (PostgresServer.class) {
                if (shared == null) {
                    shared = locate();
                }
                server = shared;
            }
        }
        return server;
    }

    private static PostgresServer locate() {
        String url = System.getenv("EOJXDS_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            log.info("Tests use the PostgreSQL named by EOJXDS_TEST_DB_URL: {}", url);
            return new PostgresServer(url, envOr("EOJXDS_TEST_DB_USER", "postgres"),
                    envOr("EOJXDS_TEST_DB_PASSWORD", ""));
        }
        if (ContainerPostgres.dockerAvailable()) {
            log.info("Tests use a Testcontainers PostgreSQL");
            return ContainerPostgres.start();
        }
        log.info("Tests use an embedded PostgreSQL (no EOJXDS_TEST_DB_URL, no Docker engine)");
        return EmbeddedPostgresServer.start();
    }

    /** Creates an empty database on this server and returns how to reach it. */
    public DatabaseCoordinates createDatabase(String purpose) {
        String name = "eojxds_" + purpose.replaceAll("[^a-z0-9]", "") + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        created.add(name);
        return new DatabaseCoordinates(replaceDatabase(adminUrl, name), user, password);
    }

    private void dropCreated() {
        for (String name : created) {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                log.debug("Could not drop test database {}", name, e);
            }
        }
    }

    /** Runs one statement on the server's own database, as the login the tests use (a benchmark's ALTER SYSTEM). */
    public void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl + " refused: " + sql, e);
        }
    }

    static String replaceDatabase(String jdbcUrl, String database) {
        int schemeEnd = jdbcUrl.indexOf("//") + 2;
        int slash = jdbcUrl.indexOf('/', schemeEnd);
        int query = jdbcUrl.indexOf('?', schemeEnd);
        String hostPart = slash < 0 ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query)) : jdbcUrl.substring(0, slash);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        return hostPart + "/" + database + params;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
