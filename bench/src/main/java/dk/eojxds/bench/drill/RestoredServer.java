package dk.eojxds.bench.drill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A fresh PostgreSQL restored by pgBackRest from the drill cluster's repository to a point in
 * time, in a new data directory, started on its own port without Patroni: what an operator does
 * after losing the cluster (docs/operations.md, "Restore").
 */
final class RestoredServer implements AutoCloseable {

    static final int PORT = 5450;
    private static final String BIN = "/usr/lib/postgresql/15/bin";
    private static final DateTimeFormatter TARGET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Path dataDir;
    private final Path socketDir;

    RestoredServer(Path dir) {
        this.dir = dir;
        this.dataDir = dir.resolve("restored");
        this.socketDir = dir.resolve("run-restored");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + PORT + "/eojxds?connectTimeout=5&tcpKeepAlive=true";
    }

    /** Restores the newest backup and the archived WAL up to {@code target}, then promotes. */
    void restore(Path pgbackrestConfig, Instant target) throws Exception {
        Files.createDirectories(socketDir);
        Files.createDirectories(dataDir);
        Shell.run("chown", "-R", "postgres:postgres", dataDir.toString(), socketDir.toString());
        Shell.run("chmod", "700", dataDir.toString());
        Shell.runAs("postgres", "pgbackrest", "--config=" + pgbackrestConfig, "--stanza=eojxds", "--pg1-path=" + dataDir,
                "--type=time", "--target=" + TARGET.format(target), "--target-action=promote", "restore");
    }

    /**
     * Starts it on its own port, without archiving (it is not the cluster) and without waiting
     * for a synchronous standby, and waits for it to accept writes.
     */
    void start() throws Exception {
        Shell.runAs("postgres", BIN + "/pg_ctl", "-D", dataDir.toString(), "-l", dir.resolve("log/restored.log").toString(),
                "-o", "-p " + PORT + " -k " + socketDir + " -c listen_addresses=127.0.0.1 -c archive_mode=off"
                        // alone, it has no standby: a commit must not wait for one (the cluster's setting came along)
                        + " -c synchronous_standby_names=''"
                        + " -c cluster_name=eojxds-restored -c hba_file=" + dataDir.resolve("pg_hba.conf")
                        + " -c ident_file=" + dataDir.resolve("pg_ident.conf"), "start");
        Wait.until("the restored server promoted and accepting writes", Duration.ofMinutes(5), () -> {
            try {
                return Shell.runAs("postgres", BIN + "/psql", "-h", socketDir.toString(), "-p", String.valueOf(PORT),
                        "-d", "postgres", "-tAc", "SELECT NOT pg_is_in_recovery()").strip().equals("t");
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Override
    public void close() {
        try {
            Shell.run("pkill", "-KILL", "-f", "postgres: eojxds-restored");
            Shell.run("pkill", "-KILL", "-f", "postgres -D " + dataDir);
        } catch (Exception e) {
            // going anyway
        }
    }
}
