package dk.eojxds.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.handover.Priority;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.validation.IngestedResource;
import dk.eojxds.ingest.validation.RejectedResource;
import dk.eojxds.ingest.validation.WithheldResource;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DataFamily;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ingest schema against a real PostgreSQL: idempotent, version-aware upsert and change rows,
 * cursors, the quarantine, and the one commit every way in goes through ({@link IngestCommit}).
 */
@JdbcTest(properties = "spring.config.name=ingest-service")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ResourceWriter.class, QuarantineWriter.class, WithheldWriter.class, FeedCursors.class, IngestCommit.class,
        SimpleMeterRegistry.class})
class IngestWritesTest {

    static final Feed FEED = new Feed("telma", DataFamily.TELMA, "Observation", null, 100);
    private static final Instant T0 = Instant.parse("2026-11-20T07:00:00Z");

    @Autowired
    ResourceWriter store;
    @Autowired
    FeedCursors cursors;
    @Autowired
    QuarantineWriter quarantine;
    @Autowired
    IngestCommit commit;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;

    static IngestedResource resource(String id, long version, Instant updated, String day) {
        return new IngestedResource("Observation", id, DataFamily.TELMA, Cpr.of("0101501234"), day, version,
                updated, "final", "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"v\":" + version + "}", "123456789012345");
    }

    @Test
    void storesNewResourcesAndRaisesOneChangePerDocument() {
        int stored = store.upsert(FEED, List.of(resource("a", 1, T0, "2026-11-20"), resource("b", 1, T0, "2026-11-20")), Priority.LIVE).stored();
        assertThat(stored).isEqualTo(2);
        assertThat(revision("2026-11-20")).isEqualTo(1);
    }

    @Test
    void replayingAPageChangesNothing() {
        List<IngestedResource> page = List.of(resource("a", 1, T0, "2026-11-20"));
        store.upsert(FEED, page, Priority.LIVE).stored();
        markProcessed();
        assertThat(store.upsert(FEED, page, Priority.LIVE).stored()).isZero();
        assertThat(revision("2026-11-20")).isEqualTo(1);
        assertThat(pending()).isZero();
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() {
        store.upsert(FEED, List.of(resource("a", 2, T0.plusSeconds(60), "2026-11-20")), Priority.LIVE).stored();
        assertThat(store.upsert(FEED, List.of(resource("a", 1, T0, "2026-11-20")), Priority.LIVE).stored()).isZero();
        assertThat(jdbc.sql("SELECT version_id FROM ingest.resource WHERE resource_id = 'a'").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aNewerVersionRaisesTheChangeAgain() {
        store.upsert(FEED, List.of(resource("a", 1, T0, "2026-11-20")), Priority.LIVE).stored();
        markProcessed();
        assertThat(store.upsert(FEED, List.of(resource("a", 2, T0.plusSeconds(5), "2026-11-20")), Priority.LIVE).stored()).isEqualTo(1);
        assertThat(revision("2026-11-20")).isEqualTo(2);
        assertThat(pending()).isEqualTo(1);
    }

    @Test
    void aBacklogChangeNeverDemotesAPendingLiveOneAndALiveDeltaPromotesBacklog() {
        store.upsert(FEED, List.of(resource("a", 1, T0, "2026-11-20")), Priority.LIVE);
        store.upsert(FEED, List.of(resource("a", 2, T0.plusSeconds(5), "2026-11-20")), Priority.BACKLOG);
        assertThat(priority("2026-11-20")).isEqualTo(0);
        store.upsert(FEED, List.of(resource("b", 1, T0, "2026-11-21")), Priority.BACKLOG);
        assertThat(priority("2026-11-21")).isEqualTo(1);
        store.upsert(FEED, List.of(resource("b", 2, T0.plusSeconds(5), "2026-11-21")), Priority.LIVE);
        assertThat(priority("2026-11-21")).isEqualTo(0);
        markProcessed();
        store.upsert(FEED, List.of(resource("a", 3, T0.plusSeconds(9), "2026-11-20")), Priority.BACKLOG);
        assertThat(priority("2026-11-20")).as("a processed change is raised at the new priority").isEqualTo(1);
    }

    private int priority(String day) {
        return jdbc.sql("SELECT priority FROM ingest.change WHERE partition_key = ?").param(day).query(Integer.class).single();
    }

    @Test
    void aResourceMovedToAnotherDayChangesBothDays() {
        store.upsert(FEED, List.of(resource("a", 1, T0, "2026-11-20")), Priority.LIVE).stored();
        markProcessed();
        store.upsert(FEED, List.of(resource("a", 2, T0.plusSeconds(5), "2026-11-19")), Priority.LIVE).stored();
        assertThat(pending()).isEqualTo(2);
    }

    @Test
    void duplicatesWithinOnePageKeepTheNewest() {
        store.upsert(FEED, List.of(resource("a", 1, T0, "2026-11-20"), resource("a", 3, T0.plusSeconds(9), "2026-11-20"),
                resource("a", 2, T0.plusSeconds(5), "2026-11-20")), Priority.LIVE);
        assertThat(jdbc.sql("SELECT version_id FROM ingest.resource WHERE resource_id = 'a'").query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void theCursorOnlyMovesForward() {
        cursors.advance(FEED, T0.plusSeconds(60));
        cursors.advance(FEED, T0);
        assertThat(cursors.cursor(FEED)).contains(T0.plusSeconds(60));
    }

    @Test
    void quarantineKeepsEveryReasonAndCountsRepeats() {
        RejectedResource bad = new RejectedResource("Observation", "x", List.of("subject-cpr: bad", "npu-code: bad"), "{}");
        quarantine.write(FEED, "page-1", List.of(bad));
        quarantine.write(FEED, "page-2", List.of(bad));
        assertThat(jdbc.sql("SELECT times_seen FROM ingest.quarantine WHERE resource_id = 'x'").query(Integer.class)
                .single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT array_length(reasons, 1) FROM ingest.quarantine WHERE resource_id = 'x'")
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void oneCommitWritesResourcesQuarantineWithheldAndCursorAndCountsThem() {
        Feed fsiii = new Feed("fsiii", DataFamily.FSIII, "Bundle", null, 100);
        Batch batch = new Batch("page-7", Priority.LIVE)
                .accept(FEED, List.of(resource("a", 1, T0, "2026-11-20"), resource("b", 1, T0, "2026-11-20")))
                .reject(FEED, new RejectedResource("Observation", "x", List.of("subject-cpr: bad"), "{}"))
                .withhold(fsiii, List.of(new WithheldResource("Observation", "w", "r1", "scope: social care")))
                .moveCursor(FEED, T0.plusSeconds(30));

        assertThat(commit.commit(batch).stored()).isEqualTo(2);
        assertThat(commit.commit(batch).stored()).as("the same batch again stores nothing new").isZero();

        assertThat(jdbc.sql("SELECT count(*) FROM ingest.resource").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT position FROM ingest.quarantine WHERE resource_id = 'x'").query(String.class).single())
                .isEqualTo("page-7");
        assertThat(jdbc.sql("SELECT feed FROM ingest.withheld WHERE resource_id = 'w'").query(String.class).single())
                .isEqualTo("fsiii");
        assertThat(cursors.cursor(FEED)).contains(T0.plusSeconds(30));
        assertThat(counted("telma", "stored")).isEqualTo(2);
        assertThat(counted("telma", "unchanged")).isEqualTo(2);
        assertThat(counted("telma", "quarantined")).isEqualTo(2);
        assertThat(counted("fsiii", "withheld")).isEqualTo(2);
        assertThat(meters.get("eojxds.ingest.quarantined").tag("family", "TELMA").counter().count()).isEqualTo(2);
    }

    private double counted(String feed, String outcome) {
        return meters.get("eojxds.ingest.resources").tag("feed", feed).tag("outcome", outcome).counter().count();
    }

    private long revision(String day) {
        return jdbc.sql("SELECT revision FROM ingest.change WHERE partition_key = ?").param(day).query(Long.class).single();
    }

    private long pending() {
        return jdbc.sql("SELECT count(*) FROM ingest.change WHERE processed_at IS NULL").query(Long.class).single();
    }

    private void markProcessed() {
        jdbc.sql("UPDATE ingest.change SET processed_at = now()").update();
    }
}
