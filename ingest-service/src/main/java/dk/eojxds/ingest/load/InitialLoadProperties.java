package dk.eojxds.ingest.load;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * An initial load (prefix {@code eojxds.initial-load}).
 *
 * @param files     NDJSON files or directories of {@code *.ndjson} files; empty means no load
 * @param batchSize lines per transaction (and per committed file position)
 * @param exit      stop the application when the load is done (command-line use)
 */
@Validated
@ConfigurationProperties("eojxds.initial-load")
public record InitialLoadProperties(List<String> files, @Min(1) @Max(100_000) int batchSize, boolean exit) {

    public InitialLoadProperties {
        files = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isBlank()).toList();
    }
}
