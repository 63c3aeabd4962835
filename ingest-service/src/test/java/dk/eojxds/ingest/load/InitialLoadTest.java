package dk.eojxds.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.ingest.IngestApplication;
import dk.eojxds.ingest.quarantine.Reprocessing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Initial load from NDJSON: validation and quarantine, resume at the committed position, idempotence. */
@SpringBootTest(classes = IngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.config.name=ingest-service", "eojxds.fkg.enabled=false", "eojxds.initial-load.batch-size=3"})
class InitialLoadTest {

    @TempDir
    Path directory;
    @Autowired
    InitialLoad load;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE ingest.resource, ingest.change, ingest.quarantine, ingest.initial_load_file, ingest.feed_cursor")
                .update();
    }

    static String observation(String id, int version, String value) {
        return ("{\"resourceType\":\"Observation\",\"id\":\"%s\",\"meta\":{\"versionId\":\"%d\",\"lastUpdated\":"
                + "\"2026-11-0%dT07:00:00Z\"},\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                + "\"urn:oid:1.2.208.176.2.1\",\"code\":\"NPU21692\"}]},\"subject\":{\"identifier\":{\"system\":"
                + "\"urn:oid:1.2.208.176.1.2\",\"value\":\"0101501234\"}},\"effectiveDateTime\":\"2026-11-01T07:00:00Z\","
                + "\"valueQuantity\":{\"value\":%s,\"unit\":\"/min\",\"system\":\"http://unitsofmeasure.org\","
                + "\"code\":\"/min\"},\"performer\":[{\"identifier\":{\"system\":\"urn:oid:1.2.208.176.1.1\","
                + "\"value\":\"1301000016005\"},\"display\":\"Ærø Kommune\"}]}").formatted(id, version, version, value);
    }

    private Path file(String name, List<String> lines) throws Exception {
        Path file = directory.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void loadsValidLinesAndQuarantinesTheRestWithReasons() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            lines.add(observation("load-" + i, 1, "7" + i));
        }
        lines.add("{not json");
        lines.add("{\"resourceType\":\"Condition\",\"id\":\"c\"}");
        lines.add(observation("load-bad", 1, "900"));
        file("Observation.ndjson", lines);

        InitialLoadProgress.Snapshot result = load.run(List.of(directory.toString()));

        assertThat(result.lines()).isEqualTo(10);
        assertThat(result.quarantined()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM ingest.resource")).isEqualTo(7);
        assertThat(jdbc.sql("SELECT reasons[1] FROM ingest.quarantine ORDER BY id").query(String.class).list())
                .satisfiesExactly(r -> assertThat(r).startsWith("json:"), r -> assertThat(r).startsWith("initial-load-type:"),
                        r -> assertThat(r).startsWith("value-range:"));
        assertThat(count("SELECT count(*) FROM ingest.initial_load_file WHERE finished_at IS NOT NULL")).isEqualTo(1);
        // an initial load is backlog: live deltas are built before it
        assertThat(count("SELECT count(*) FROM ingest.change WHERE priority <> 1")).isZero();
        assertThat(count("SELECT count(*) FROM ingest.change")).isPositive();
    }

    @Test
    void anItemTheLoadQuarantinedCanBeReprocessed(@Autowired dk.eojxds.ingest.quarantine.Reprocessing reprocessing)
            throws Exception {
        load.run(List.of(file("bad.ndjson", List.of(observation("load-900", 1, "900"))).toString()));
        Map<String, Object> item = jdbc.sql("SELECT feed, resource_type, resource_id, raw_payload FROM ingest.quarantine")
                .query().singleRow();
        assertThat(reprocessing.reprocess((String) item.get("feed"), (String) item.get("resource_type"),
                (String) item.get("resource_id"), (String) item.get("raw_payload")))
                .anyMatch(reason -> reason.startsWith("value-range:"));
        String fixed = ((String) item.get("raw_payload")).replace("\"value\":900", "\"value\":90");
        assertThat(reprocessing.reprocess((String) item.get("feed"), "Observation", "load-900", fixed)).isEmpty();
        assertThat(count("SELECT count(*) FROM ingest.resource WHERE resource_id = 'load-900'")).isEqualTo(1);
    }

    @Test
    void aCrashedLoadResumesAtItsCommittedPosition() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lines.add(observation("resume-" + i, 1, "6" + i));
        }
        Path file = file("resume.ndjson", lines);
        // a previous run committed the first four lines' position, then died
        long position = 0;
        for (int i = 0; i < 4; i++) {
            position += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        jdbc.sql("INSERT INTO ingest.initial_load_file (path, size_bytes, position_bytes, lines_done) VALUES (?, ?, ?, 4)")
                .param(file.toAbsolutePath().toString()).param(Files.size(file)).param(position).update();

        load.run(List.of(file.toString()));

        assertThat(jdbc.sql("SELECT resource_id FROM ingest.resource ORDER BY resource_id").query(String.class).list())
                .containsExactly("resume-4", "resume-5", "resume-6", "resume-7");
        assertThat(count("SELECT lines_done FROM ingest.initial_load_file")).isEqualTo(8);
    }

    @Test
    void loadingAgainOrOverNewerDeltasChangesNothing() throws Exception {
        Path file = file("again.ndjson", List.of(observation("again", 1, "70")));
        // a delta with a newer version arrived before the load got to it
        load.run(List.of(file("delta.ndjson", List.of(observation("again", 2, "99"))).toString()));
        jdbc.sql("UPDATE ingest.change SET processed_at = now()").update();

        load.run(List.of(file.toString()));
        load.run(List.of(file.toString()));

        assertThat(jdbc.sql("SELECT version_id FROM ingest.resource WHERE resource_id = 'again'").query(Long.class)
                .single()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM ingest.change WHERE processed_at IS NULL")).isZero();
    }

    @Test
    void aCompletedLoadClearsTheGapMarkers() throws Exception {
        jdbc.sql("INSERT INTO ingest.feed_cursor (feed, position, gap_since, gap_detail) VALUES "
                + "('telma', now() - interval '8 days', now() - interval '1 hour', 'test gap')").update();
        load.run(List.of(file("gap.ndjson", List.of(observation("gap", 1, "70"))).toString()));
        assertThat(count("SELECT count(*) FROM ingest.feed_cursor WHERE gap_since IS NOT NULL")).isZero();
    }
}
