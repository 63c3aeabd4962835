package dk.eojxds.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL (binaries from Maven Central), for machines with only a JDK. PostgreSQL
 * refuses to run as root, so on such machines set EOJXDS_TEST_DB_URL or EOJXDS_DB_URL instead.
 */
public final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {
    }

    static PostgresServer start() {
        EmbeddedPostgres postgres = startEmbedded(null, 0);
        return new PostgresServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    /**
     * Starts an embedded server; with a data directory it keeps its data between runs.
     *
     * @param dataDirectory where the cluster lives, or null for a throw-away one
     * @param port the port, or 0 for any free one
     */
    public static EmbeddedPostgres startEmbedded(Path dataDirectory, int port) {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("PostgreSQL does not run as root: point EOJXDS_TEST_DB_URL "
                    + "(tests) or EOJXDS_DB_URL (local stack) at a running PostgreSQL instead");
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }
}
