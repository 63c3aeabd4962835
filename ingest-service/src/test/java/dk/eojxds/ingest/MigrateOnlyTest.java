package dk.eojxds.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --migrate-only}, as a rollout's migration Job runs the image: the schema is migrated with
 * the owner's login and the call returns (no web server, no poller), so the Job completes.
 */
class MigrateOnlyTest {

    @Test
    void theSchemaIsMigratedAndNothingElseRuns() throws Exception {
        DatabaseCoordinates db = PostgresServer.forTests().createDatabase("migrate-only");
        db.ensureRuntimeRoles();
        List<String> args = new ArrayList<>(List.of("--migrate-only"));
        args.addAll(db.serviceArgs(null));
        args.add("--eojxds.fsiii.built-in-terminology=true");

        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        IngestApplication.main(args.toArray(String[]::new));

        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             ResultSet history = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM ingest.flyway_schema_history WHERE success")) {
            history.next();
            assertThat(history.getInt(1)).isGreaterThan(0);
        }
        // other tests' contexts may run in this JVM: only what this call left running counts
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(thread -> !before.contains(thread))
                .extracting(Thread::getName).noneMatch(name -> name.startsWith("http-nio") || name.contains("poll")
                        || name.startsWith("scheduling"));
    }
}
