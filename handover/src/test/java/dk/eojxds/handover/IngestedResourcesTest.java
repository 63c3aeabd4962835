package dk.eojxds.handover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What the repository reads of ingest's data, as the repository's runtime role. */
class IngestedResourcesTest {

    private static final HandoverDatabase DB = new HandoverDatabase("handoverresources");

    private final IngestedResources resources = new IngestedResources(HandoverDatabase.jdbc(DB.repositoryRole));

    @AfterAll
    static void close() {
        DB.close();
    }

    private static void stored(String id, String status) {
        DB.owner.sql("""
                INSERT INTO ingest.resource (resource_type, resource_id, family, feed, citizen_cpr, partition_key,
                    version_id, last_updated, status, raw_json)
                VALUES ('Observation', ?, 'TELMA', 'telma', '0101501234', '2026-11-20', 1, now(), ?, ?)
                """).param(id).param(status).param("{\"id\":\"" + id + "\"}").update();
    }

    @Test
    void aSeriesIsReadInAStableOrderWithoutWhatWasEnteredInError() {
        stored("b", "final");
        stored("a", "final");
        stored("c", "entered-in-error");
        assertThat(resources.ofSeries(new SeriesKey("TELMA", "0101501234", "2026-11-20")))
                .extracting(IngestedResources.Stored::resourceId).containsExactly("a", "b");
        assertThat(resources.rawJson("TELMA", "0101501234", "Observation", "c")).contains("{\"id\":\"c\"}");
        assertThat(resources.rawJson("TELMA", "0202601234", "Observation", "c")).isEmpty();
    }

    @Test
    void aPurgeRequestIsSeenAndHandledOnce() {
        DB.owner.sql("INSERT INTO ingest.fsiii_purge (citizen_cpr, requested_by, resources) VALUES ('0101501234', 'op', 3)")
                .update();
        assertThat(resources.fsiiiPurgeRequested("0101501234")).isTrue();
        resources.fsiiiPurgeHandled("0101501234");
        assertThat(resources.fsiiiPurgeRequested("0101501234")).isFalse();
    }
}
