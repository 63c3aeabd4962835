package dk.eojxds.ingest.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/initialload}: this instance's running load, and every file any instance has
 * loaded or is loading (from the database), with positions.
 */
@Component
@Endpoint(id = "initialload")
class InitialLoadEndpoint {

    private final InitialLoadProgress progress;
    private final JdbcClient jdbc;

    InitialLoadEndpoint(InitialLoadProgress progress, JdbcClient jdbc) {
        this.progress = progress;
        this.jdbc = jdbc;
    }

    @ReadOperation
    Map<String, Object> progress() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("thisInstance", progress.snapshot());
        List<Map<String, Object>> files = jdbc.sql("""
                        SELECT path, size_bytes, position_bytes, lines_done, resources, quarantined, started_at,
                               updated_at, finished_at
                        FROM ingest.initial_load_file ORDER BY started_at, path
                        """).query().listOfRows();
        body.put("files", files);
        return body;
    }
}
