package dk.eojxds.ingest.load;

import dk.eojxds.handover.TextArray;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fallback when the gateway's seven days are not enough: loads FHIR Bulk Data NDJSON files.
 * Each batch of lines is stored together with the file's new byte position in one transaction,
 * so a load killed at any point resumes exactly where it stopped, and re-running a finished load
 * changes nothing. When every file is done, the feeds' gap markers older than the load are cleared.
 */
@Component
public class InitialLoad {

    private static final Logger log = LoggerFactory.getLogger(InitialLoad.class);

    private final BulkLines lines;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final InitialLoadProperties properties;
    private final InitialLoadProgress progress;
    private final MeterRegistry meters;

    InitialLoad(BulkLines lines, JdbcClient jdbc, TransactionTemplate transactions, InitialLoadProperties properties,
                InitialLoadProgress progress, MeterRegistry meters) {
        this.lines = lines;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.progress = progress;
        this.meters = meters;
    }

    /** NDJSON files named directly, or every {@code *.ndjson} in a named directory, in name order. */
    static List<Path> expand(List<String> names) {
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            Path path = Path.of(name).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(p -> p.toString().endsWith(".ndjson")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    public InitialLoadProgress.Snapshot run(List<String> names) {
        List<Path> files = expand(names);
        long total = 0;
        for (Path file : files) {
            total += size(file);
        }
        Instant started = Instant.now();
        progress.start(files.size(), total);
        for (Path file : files) {
            loadFile(file);
        }
        Instant firstStart = jdbc.sql("SELECT min(started_at) FROM ingest.initial_load_file WHERE path = ANY(?::text[])")
                .param(TextArray.literal(files.stream().map(Path::toString).toList()))
                .query((rs, i) -> rs.getTimestamp(1) == null ? started : rs.getTimestamp(1).toInstant()).single();
        lines.loadCompleted(firstStart);
        progress.finish();
        log.info("Initial load finished: {}", progress.snapshot());
        return progress.snapshot();
    }

    private void loadFile(Path file) {
        long size = size(file);
        jdbc.sql("INSERT INTO ingest.initial_load_file (path, size_bytes) VALUES (?, ?) ON CONFLICT (path) DO NOTHING")
                .param(file.toString()).param(size).update();
        FileState state = jdbc.sql("SELECT position_bytes, finished_at FROM ingest.initial_load_file WHERE path = ?")
                .param(file.toString())
                .query((rs, i) -> new FileState(rs.getLong(1), rs.getTimestamp(2))).single();
        progress.file(file.getFileName().toString(), state.position());
        if (state.finished() != null) {
            log.info("Initial load: {} was loaded before ({}); skipped", file, state.finished());
            progress.advance(size - state.position(), 0, 0, 0);
            return;
        }
        if (state.position() > 0) {
            log.info("Initial load: resuming {} at byte {}", file, state.position());
        }
        try (NdjsonCursor cursor = new NdjsonCursor(file, state.position())) {
            for (List<String> batch = cursor.next(properties.batchSize()); !batch.isEmpty();
                 batch = cursor.next(properties.batchSize())) {
                long before = progress.bytesOf(file.getFileName().toString());
                long position = cursor.position();
                List<String> current = batch;
                BulkLines.Outcome outcome = transactions.execute(tx -> {
                    BulkLines.Outcome stored = lines.store(file + "@" + position, current);
                    jdbc.sql("""
                                    UPDATE ingest.initial_load_file
                                    SET position_bytes = ?, lines_done = lines_done + ?, resources = resources + ?,
                                        quarantined = quarantined + ?, updated_at = now()
                                    WHERE path = ?
                                    """)
                            .param(position).param(current.size()).param(stored.resources())
                            .param(stored.quarantined()).param(file.toString()).update();
                    return stored;
                });
                progress.advance(position - before, current.size(), outcome.resources(), outcome.quarantined());
                meters.counter("eojxds.ingest.initial_load.lines").increment(current.size());
                meters.counter("eojxds.ingest.initial_load.quarantined").increment(outcome.quarantined());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " failed", e);
        }
        jdbc.sql("UPDATE ingest.initial_load_file SET finished_at = now() WHERE path = ?").param(file.toString()).update();
    }

    private record FileState(long position, Timestamp finished) {
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
