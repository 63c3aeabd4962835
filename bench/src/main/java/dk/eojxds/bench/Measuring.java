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

    /** Where the server's WAL stands, in bytes: the difference of two readings is the WAL written between. */
    static long wal(JdbcClient jdbc) {
        return jdbc.sql("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn").query(Long.class).single();
    }

    /** Runs a step and prints how long it took. */
    static void timed(String what, Runnable step) {
        long start = System.nanoTime();
        step.run();
        System.out.printf("  %s: %.1f s%n", what, (System.nanoTime() - start) / 1e9);
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
