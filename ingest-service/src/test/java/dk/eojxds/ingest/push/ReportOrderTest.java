package dk.eojxds.ingest.push;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.testing.Fixtures;
import dk.eojxds.ingest.testing.IngestApiTest;
import dk.eojxds.ingest.validation.EntryOutcome;
import dk.eojxds.ingest.validation.fsiii.FsiiiReportReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One clock orders FSIII reports, pulled or pushed: the gateway's meta.lastUpdated. A report
 * stamped in the future is quarantined instead of freezing the citizen's data; a pulled report
 * without the stamp is quarantined; a pushed one without it is ordered by its receipt time.
 */
@IngestApiTest
class ReportOrderTest {

    private static final Feed FSIII_FEED = new Feed("fsiii", dk.eojxds.model.DataFamily.FSIII, "Bundle", null, 50);

    @Autowired
    PushedReports pushed;
    @Autowired
    FsiiiReportReader reader;
    @Autowired
    JdbcClient jdbc;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE ingest.resource, ingest.change, ingest.quarantine").update();
    }

    private static String delivery(String report) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + report + "}]}";
    }

    @Test
    void aReportStampedInTheFutureIsQuarantinedAndLaterReportsStillCount() {
        String future = Fixtures.nursingReport("r-2099", Instant.parse("2099-01-01T00:00:00Z"));
        PushedReports.Result result = pushed.accept(delivery(future));
        assertThat(result.quarantined()).singleElement()
                .satisfies(r -> assertThat(String.join(" ", r.reasons())).startsWith("timing:"));
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.resource").query(Long.class).single()).isZero();

        EntryOutcome pulled = reader.readReport(FSIII_FEED, "r-now", Fixtures.nursingReport("r-now", now.minus(Duration.ofMinutes(1))), null);
        assertThat(pulled.rejected()).isNull();
        assertThat(pulled.accepted()).isNotEmpty();
    }

    @Test
    void withoutMetaLastUpdatedAPulledReportIsQuarantinedAndAPushedOneOrderedByItsReceipt() {
        String unstamped = Fixtures.mutate(Fixtures.nursingReport("r-1", now), node -> node.remove("meta"));
        EntryOutcome pulled = reader.readReport(FSIII_FEED, "r-1", unstamped, null);
        assertThat(pulled.rejected()).isNotNull();
        assertThat(pulled.rejected().reasons()).singleElement().asString().startsWith("report-last-updated:");

        PushedReports.Result result = pushed.accept(delivery(unstamped));
        assertThat(result.quarantined()).isEmpty();
        Instant stored = jdbc.sql("SELECT max(last_updated) FROM ingest.resource")
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).single();
        assertThat(stored).isBetween(now.minusSeconds(60), Instant.now().plusSeconds(1));
    }
}
