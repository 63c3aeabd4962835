package dk.eojxds.ingest.load;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The running load's progress, for the console bar, the actuator endpoint and gauges. */
@Component
public class InitialLoadProgress {

    private Instant startedAt;
    private Instant finishedAt;
    private int files;
    private int fileIndex;
    private String currentFile = "";
    private long bytesTotal;
    private long bytesDone;
    private long lines;
    private long resources;
    private long quarantined;
    private final Map<String, Long> positions = new HashMap<>();

    InitialLoadProgress(MeterRegistry meters) {
        meters.gauge("eojxds.ingest.initial_load.bytes.done", this, p -> p.snapshot().bytesDone());
        meters.gauge("eojxds.ingest.initial_load.bytes.total", this, p -> p.snapshot().bytesTotal());
    }

    /** A consistent view. */
    public record Snapshot(boolean running, int files, int fileIndex, String currentFile, long bytesDone,
                           long bytesTotal, long lines, long resources, long quarantined, Instant startedAt,
                           Instant finishedAt, double linesPerSecond) {

        public double fraction() {
            return bytesTotal == 0 ? 1.0 : Math.min(1.0, (double) bytesDone / bytesTotal);
        }
    }

    synchronized void start(int files, long bytesTotal) {
        this.startedAt = Instant.now();
        this.finishedAt = null;
        this.files = files;
        this.fileIndex = 0;
        this.bytesTotal = bytesTotal;
        this.bytesDone = 0;
        this.lines = 0;
        this.resources = 0;
        this.quarantined = 0;
        positions.clear();
    }

    synchronized void file(String name, long startPosition) {
        fileIndex++;
        currentFile = name;
        positions.put(name, startPosition);
        bytesDone += startPosition;
    }

    synchronized long bytesOf(String name) {
        return positions.getOrDefault(name, 0L);
    }

    synchronized void advance(long bytes, long lines, long resources, long quarantined) {
        bytesDone += bytes;
        positions.merge(currentFile, bytes, Long::sum);
        this.lines += lines;
        this.resources += resources;
        this.quarantined += quarantined;
    }

    synchronized void finish() {
        finishedAt = Instant.now();
    }

    public synchronized Snapshot snapshot() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = startedAt == null ? 0 : Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        return new Snapshot(startedAt != null && finishedAt == null, files, fileIndex, currentFile, bytesDone, bytesTotal,
                lines, resources, quarantined, startedAt, finishedAt, seconds == 0 ? 0 : lines / seconds);
    }
}
