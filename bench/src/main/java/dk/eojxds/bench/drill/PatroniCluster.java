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
import java.util.Optional;

/**
 * Two PostgreSQL 15 nodes managed by Patroni (Debian's packages) with one etcd, on loopback, in
 * synchronous mode (a commit waits for the standby while it is there), WAL archived by pgBackRest.
 * A node is "killed" as a machine dies: its Patroni agent and its postmaster get SIGKILL together,
 * so the leader key expires and the other node is promoted; started again, it rejoins as a
 * standby (pg_rewind). PostgreSQL refuses to run as root: Patroni runs as the user postgres.
 */
final class PatroniCluster implements AutoCloseable {

    static final String PASSWORD = "drill";
    private static final String BIN = "/usr/lib/postgresql/15/bin";

    record Node(String name, int port, int restPort, Path dataDir, Path socketDir) {
    }

    private final Path dir;
    private final List<Node> nodes;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process etcd;

    PatroniCluster(Path dir) {
        this.dir = dir;
        this.nodes = List.of(node("pg1", 5441, 8008), node("pg2", 5442, 8009));
    }

    private Node node(String name, int port, int restPort) {
        return new Node(name, port, restPort, dir.resolve(name), dir.resolve("run-" + name));
    }

    List<Node> nodes() {
        return nodes;
    }

    /** The JDBC URL the services use: both nodes, whichever is primary. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5441,127.0.0.1:5442/eojxds?targetServerType=primary&connectTimeout=5"
                + "&tcpKeepAlive=true";
    }

    Path pgbackrestConfig() {
        return dir.resolve("pgbackrest.conf");
    }

    void start() throws Exception {
        Shell.run("rm", "-rf", dir.toString());
        Files.createDirectories(dir.resolve("log"));
        for (Node node : nodes) {
            Files.createDirectories(node.socketDir());
        }
        writeConfigs();
        Shell.run("chown", "-R", "postgres:postgres", dir.toString());
        etcd = Shell.start(dir.resolve("log/etcd.log"), "etcd", "--name", "drill", "--data-dir", dir.resolve("etcd").toString(),
                "--listen-client-urls", "http://127.0.0.1:2379", "--advertise-client-urls", "http://127.0.0.1:2379",
                "--listen-peer-urls", "http://127.0.0.1:2380", "--initial-advertise-peer-urls", "http://127.0.0.1:2380",
                "--initial-cluster", "drill=http://127.0.0.1:2380");
        Wait.until("etcd", Duration.ofSeconds(30), () -> get("http://127.0.0.1:2379/health").filter(b -> b.contains("true")).isPresent());
        startNode(nodes.get(0));
        Wait.until("pg1 the leader", Duration.ofMinutes(2), () -> isPrimary(nodes.get(0)));
        Shell.runAs("postgres", "pgbackrest", "--config=" + pgbackrestConfig(), "--stanza=eojxds", "stanza-create");
        startNode(nodes.get(1));
        Wait.until("pg2 a synchronous standby", Duration.ofMinutes(3), () -> syncStandby().isPresent());
    }

    void startNode(Node node) throws IOException {
        processes.add(Shell.startAs("postgres", dir.resolve("log/patroni-" + node.name() + ".log"), "patroni",
                dir.resolve(node.name() + ".yml").toString()));
    }

    /** SIGKILL to the node's Patroni agent and postmaster, as if the machine died. */
    void killNode(Node node) throws Exception {
        Shell.run("pkill", "-KILL", "-f", "patroni " + dir.resolve(node.name() + ".yml"));
        Path pid = node.dataDir().resolve("postmaster.pid");
        if (Files.exists(pid)) {
            String postmaster = Files.readAllLines(pid).get(0).strip();
            Shell.run("kill", "-KILL", postmaster);
        }
        // the backends notice their postmaster is gone and exit; the next start is crash recovery
        Shell.run("pkill", "-KILL", "-f", "postgres: eojxds-drill/" + node.name());
    }

    Optional<Node> primary() {
        return nodes.stream().filter(this::isPrimary).findFirst();
    }

    boolean isPrimary(Node node) {
        return status("http://127.0.0.1:" + node.restPort() + "/primary") == 200;
    }

    /** The standby Patroni reports as synchronous, if any. */
    Optional<Node> syncStandby() {
        return nodes.stream().filter(n -> status("http://127.0.0.1:" + n.restPort() + "/sync") == 200).findFirst();
    }

    boolean isStreamingReplica(Node node) {
        return status("http://127.0.0.1:" + node.restPort() + "/replica") == 200;
    }

    Node other(Node node) {
        return nodes.get(0).equals(node) ? nodes.get(1) : nodes.get(0);
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private Optional<String> get(String url) {
        try {
            return Optional.of(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void writeConfigs() throws IOException, InterruptedException {
        Files.writeString(dir.resolve("post-bootstrap.sh"), """
                #!/bin/sh
                # the schema owner, the database and the services' runtime roles (db/roles/runtime-roles.sql)
                set -e
                psql -v ON_ERROR_STOP=1 "$1" <<SQL
                CREATE ROLE eojxds LOGIN PASSWORD '%1$s';
                CREATE DATABASE eojxds OWNER eojxds;
                CREATE ROLE eojxds_ingest LOGIN PASSWORD '%1$s';
                CREATE ROLE eojxds_repository LOGIN PASSWORD '%1$s';
                CREATE ROLE eojxds_registry LOGIN PASSWORD '%1$s';
                SQL
                """.formatted(PASSWORD));
        Shell.run("chmod", "755", dir.resolve("post-bootstrap.sh").toString());
        StringBuilder backrest = new StringBuilder("""
                [global]
                repo1-path=%s
                repo1-retention-full=2
                log-path=%s
                lock-path=%s
                spool-path=%s
                start-fast=y
                archive-async=n

                [eojxds]
                """.formatted(dir.resolve("backrest"), dir.resolve("log"), dir.resolve("lock"), dir.resolve("spool")));
        int index = 1;
        for (Node node : nodes) {
            backrest.append("pg%d-path=%s%npg%d-port=%d%npg%d-socket-path=%s%n".formatted(index, node.dataDir(), index,
                    node.port(), index, node.socketDir()));
            index++;
        }
        Files.writeString(pgbackrestConfig(), backrest.toString());
        for (Node node : nodes) {
            Files.writeString(dir.resolve(node.name() + ".yml"), patroniConfig(node));
        }
    }

    private String patroniConfig(Node node) {
        return """
                scope: eojxds-drill
                namespace: /eojxds-drill/
                name: %1$s
                restapi:
                  listen: 127.0.0.1:%3$d
                  connect_address: 127.0.0.1:%3$d
                etcd3:
                  hosts: 127.0.0.1:2379
                bootstrap:
                  dcs:
                    ttl: 10
                    loop_wait: 2
                    retry_timeout: 4
                    maximum_lag_on_failover: 1048576
                    synchronous_mode: true
                    postgresql:
                      use_pg_rewind: true
                      use_slots: true
                      parameters:
                        wal_level: replica
                        hot_standby: "on"
                        wal_log_hints: "on"
                        max_wal_senders: 10
                        max_replication_slots: 10
                        max_connections: 200
                        wal_keep_size: 512MB
                        archive_mode: "on"
                        archive_timeout: 30
                        tcp_keepalives_idle: 30
                        tcp_keepalives_interval: 10
                        tcp_keepalives_count: 3
                  initdb:
                    - encoding: UTF8
                    - data-checksums
                  post_bootstrap: %6$s
                postgresql:
                  listen: 127.0.0.1:%2$d
                  connect_address: 127.0.0.1:%2$d
                  data_dir: %4$s
                  bin_dir: %7$s
                  pgpass: %8$s
                  # a standby's base backup starts at once (a spread checkpoint would take minutes)
                  basebackup:
                    checkpoint: fast
                  authentication:
                    superuser: {username: postgres, password: %9$s}
                    replication: {username: replicator, password: %9$s}
                    rewind: {username: rewinder, password: %9$s}
                  pg_hba:
                    - local all all trust
                    - host replication replicator 127.0.0.1/32 md5
                    - host all all 127.0.0.1/32 md5
                  parameters:
                    unix_socket_directories: %5$s
                    cluster_name: eojxds-drill/%1$s
                    archive_command: pgbackrest --config=%10$s --stanza=eojxds --pg1-path=%4$s archive-push %%p
                  # a standby that fell behind (the old primary, rewound) fetches what it misses from the archive
                  recovery_conf:
                    restore_command: pgbackrest --config=%10$s --stanza=eojxds --pg1-path=%4$s archive-get %%f "%%p"
                """.formatted(node.name(), node.port(), node.restPort(), node.dataDir(), node.socketDir(),
                dir.resolve("post-bootstrap.sh"), BIN, dir.resolve("pgpass-" + node.name()), PASSWORD, pgbackrestConfig());
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            try {
                killNode(node);
            } catch (Exception e) {
                // going anyway
            }
        }
        processes.forEach(Process::destroyForcibly);
        if (etcd != null) {
            etcd.destroyForcibly();
        }
    }
}
