package dk.eojxds.bench;

import dk.eojxds.ingest.IngestApplication;
import dk.eojxds.ingest.load.InitialLoad;
import dk.eojxds.ingest.polling.DeltaPoller;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.PostgresServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ingest throughput: synthetic TELMA Observations served over HTTP on loopback, polled, validated
 * and committed by ingest-service, against PostgreSQL COPY of the same JSON in the same run; then
 * an initial load of an NDJSON file with its wall time and peak heap.
 * <p>
 * Run: {@code ./mvnw -q -pl bench -am install -DskipTests && ./mvnw -q -pl bench exec:java
 * -Dexec.args="100000 1000000"} with EOJXDS_TEST_DB_URL pointing at a PostgreSQL.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {100_000, 1_000_000}
                : java.util.Arrays.stream(args[0].split("[ ,]")).mapToInt(Integer::parseInt).toArray();
        int loadSize = args.length > 1 ? Integer.parseInt(args[1]) : sizes[sizes.length - 1];
        System.out.printf("machine: %d cores, max heap %d MiB, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.version"));
        System.out.println("| resources | ingest (s) | ingest resources/s | COPY (s) | COPY rows/s | ingest/COPY |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        try {
            for (int size : sizes) {
                deltaVersusCopy(size);
            }
            initialLoad(loadSize);
        } catch (Exception | Error e) {
            // a failed run must end, not wait for the pools' threads
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void deltaVersusCopy(int size) throws Exception {
        SyntheticTelmaFeed feed = new SyntheticTelmaFeed(Instant.now().minus(Duration.ofHours(3)), size);
        DatabaseCoordinates db = PostgresServer.forTests().createDatabase("bench");
        double ingestSeconds;
        try (BenchGateway gateway = new BenchGateway(feed);
             ConfigurableApplicationContext context = start(db, "--eojxds.fkg.base-url=" + gateway.baseUrl())) {
            DeltaPoller poller = context.getBean(DeltaPoller.class);
            long start = System.nanoTime();
            poller.pollNow("telma");
            ingestSeconds = (System.nanoTime() - start) / 1e9;
            long rows = count(db, "SELECT count(*) FROM ingest.resource");
            if (rows != size) {
                throw new IllegalStateException("expected " + size + " rows, found " + rows);
            }
        }
        double copySeconds = copy(db, feed);
        System.out.printf("| %,d | %.1f | %,.0f | %.1f | %,.0f | %.2f |%n", size, ingestSeconds, size / ingestSeconds,
                copySeconds, size / copySeconds, copySeconds / ingestSeconds);
    }

    private static ConfigurableApplicationContext start(DatabaseCoordinates db, String... extra) {
        List<String> args = new java.util.ArrayList<>(db.serviceArgs(null));
        args.addAll(List.of("--management.server.port=0", "--eojxds.fkg.enabled=false",
                "--eojxds.fkg.feeds.kpro.enabled=false", "--eojxds.fkg.feeds.fsiii.enabled=false",
                "--eojxds.fkg.feeds.telma.page-size=1000", "--eojxds.fkg.initial-lookback=P1D",
                "--logging.level.root=WARN", "--eojxds.fsiii.built-in-terminology=true"));
        args.addAll(List.of(extra));
        return IngestApplication.builder().web(WebApplicationType.NONE).run(args.toArray(String[]::new));
    }

    // The physical limit: the same JSON, one row each with its id as primary key, by COPY.
    private static double copy(DatabaseCoordinates db, SyntheticTelmaFeed feed) throws Exception {
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_copy (id text PRIMARY KEY, raw_json text NOT NULL)");
            long start = System.nanoTime();
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY bench_copy (id, raw_json) FROM STDIN", new FeedReader(feed));
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static void initialLoad(int size) throws Exception {
        SyntheticTelmaFeed feed = new SyntheticTelmaFeed(Instant.now().minus(Duration.ofHours(3)), size);
        Path file = Files.createTempFile("eojxds-bench", ".ndjson");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < size; i++) {
                out.write(feed.json(i));
                out.write('\n');
            }
        }
        DatabaseCoordinates db = PostgresServer.forTests().createDatabase("bench");
        try (ConfigurableApplicationContext context = start(db)) {
            InitialLoad load = context.getBean(InitialLoad.class);
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            load.run(List.of(file.toString()));
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("%ninitial load of %,d resources (%,d MiB NDJSON): %.1f s, %,.0f resources/s, "
                            + "peak heap %,d MiB (sum of pool peaks, max heap %,d MiB), rows %,d%n", size,
                    Files.size(file) >> 20, seconds, size / seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20,
                    count(db, "SELECT count(*) FROM ingest.resource"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long count(DatabaseCoordinates db, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** COPY text format, generated line by line. */
    private static final class FeedReader extends Reader {

        private final SyntheticTelmaFeed feed;
        private int next;
        private String buffer = "";
        private int offset;

        FeedReader(SyntheticTelmaFeed feed) {
            this.feed = feed;
        }

        @Override
        public int read(char[] target, int off, int len) {
            if (offset == buffer.length()) {
                if (next == feed.size()) {
                    return -1;
                }
                String json = feed.json(next);
                buffer = next + "\t" + json.replace("\\", "\\\\") + "\n";
                next++;
                offset = 0;
            }
            int n = Math.min(len, buffer.length() - offset);
            buffer.getChars(offset, offset + n, target, off);
            offset += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            // nothing to release
        }
    }
}
