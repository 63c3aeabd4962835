package dk.eojxds.bench;

import dk.eojxds.testsupport.DatabaseCoordinates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The benchmarks read across schemas (documents and registrations), which no service's runtime
 * role may: they measure as the database login they were given.
 */
final class Measuring {

    private Measuring() {
    }

    static JdbcClient jdbc(DatabaseCoordinates db) {
        return JdbcClient.create(new DriverManagerDataSource(db.url(), db.user(), db.password() == null ? "" : db.password()));
    }

    static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /**
     * Stops a benchmark at its first build failure, with the kind and reason, instead of letting it
     * wait out its deadline for a document that will not come (issue 29): a benchmark's input
     * builds, so any failure is a fault to look at.
     */
    static void failOnBuildFailure(JdbcClient jdbc) {
        jdbc.sql("SELECT family, kind, attempts, reason FROM repository.build_failure ORDER BY failed_at LIMIT 1")
                .query().listOfRows().stream().findFirst().ifPresent(failure -> {
                    throw new IllegalStateException("a document could not be built (" + failure.get("family") + ", "
                            + failure.get("kind") + ", attempt " + failure.get("attempts") + "): " + failure.get("reason"));
                });
    }
}
