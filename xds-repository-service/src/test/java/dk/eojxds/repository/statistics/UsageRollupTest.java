package dk.eojxds.repository.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.Migrations;
import dk.eojxds.testsupport.PostgresServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The monthly rollup of the audit: an empty audit is no error, and rolling again never counts twice. */
class UsageRollupTest {

    private final DatabaseCoordinates db = PostgresServer.forTests().createDatabase("rollup");
    private final JdbcClient jdbc;
    private final UsageRollup rollup;

    UsageRollupTest() {
        Migrations.apply(db, "repository");
        DriverManagerDataSource data = new DriverManagerDataSource(db.url(), db.user(), db.password());
        jdbc = JdbcClient.create(data);
        rollup = new UsageRollup(jdbc, new TransactionTemplate(new DataSourceTransactionManager(data)),
                new SimpleMeterRegistry());
    }

    private long lookups() {
        return jdbc.sql("SELECT coalesce(sum(lookups), 0) FROM repository.usage_municipality_month").query(Long.class).single();
    }

    @Test
    @Timeout(120) // a guard against the loop that never ended, not a measure of speed
    void anEmptyAuditRollsNothingAndRollingAgainCountsNothingTwice() {
        assertThat(rollup.rollUntil(Instant.now())).isZero();
        for (String at : new String[] {"2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-03T10:00:00Z"}) {
            jdbc.sql("""
                    INSERT INTO repository.retrieve_audit (at, request_id, outcome, caller_verified, family, citizen_cpr,
                        data_municipality_sor) VALUES (?::timestamptz, gen_random_uuid(), 'RETRIEVED', true, 'TELMA', '0101501234', '1')
                    """).param(at).update();
        }
        // a bound finer than PostgreSQL's microseconds is reached all the same (it once looped for ever)
        assertThat(rollup.rollUntil(Instant.parse("2026-01-21T00:00:00.000000789Z"))).isEqualTo(3);
        assertThat(lookups()).isEqualTo(2);
        assertThat(rollup.rollUntil(Instant.parse("2026-01-21T00:00:00Z"))).isZero();
        rollup.rollUntil(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(lookups()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT citizens FROM repository.usage_citizen_count WHERE month = '2026-01-01' AND viewer = 'ANYONE'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
