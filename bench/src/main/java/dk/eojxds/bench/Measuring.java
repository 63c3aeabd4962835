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
}
