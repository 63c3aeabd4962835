package dk.eojxds.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims walk their queue in order and stop at their limit, also before PostgreSQL has any
 * statistics of the queue: an initial load on a fresh installation fills tables that were never
 * analyzed, and autovacuum looks at a table about once a minute. Without {@link QueueOrder} the
 * planner read and sorted every waiting change for each claim (the pipeline benchmark: 4.5 ms per
 * claim of 50 with 2,750 waiting).
 */
class QueueOrderTest {

    private static final HandoverDatabase DB = new HandoverDatabase("handoverqueueorder");

    private final ChangeQueue consumer = new ChangeQueue(HandoverDatabase.jdbc(DB.repositoryRole));

    @BeforeAll
    static void neverAnalyzed() {
        // as a fresh installation's tables until autovacuum's first look; kept so for the test
        for (String table : List.of("ingest.change", "repository.document", "repository.registration_outbox",
                "registry.registration")) {
            DB.owner.sql("ALTER TABLE " + table + " SET (autovacuum_enabled = false)").update();
        }
    }

    @AfterAll
    static void close() {
        DB.close();
    }

    @Test
    void aChangeClaimWalksTheQueueInOrderBeforeThereAreStatistics() {
        DB.owner.sql("""
                INSERT INTO ingest.change (family, citizen_cpr, partition_key, priority, processed_at)
                SELECT 'TELMA', lpad(g::text, 10, '0'), '2026-11-01', 1, now() FROM generate_series(1, 20000) g
                """).update();
        DB.owner.sql("""
                INSERT INTO ingest.change (family, citizen_cpr, partition_key, priority)
                SELECT 'TELMA', lpad(g::text, 10, '0'), '2026-11-02', 1 FROM generate_series(3000, 1, -1) g
                """).update();

        String plan = HandoverDatabase.claimPlan(DB.repositoryRole, ChangeQueue.CLAIM, "'{TELMA,KPRO,FSIII}', 3600, 50");
        assertThat(plan).as(plan).contains("Index Scan using change_pending").doesNotContain("Sort");

        // the claim answers the first in queue order, and leaves sorting as it was for the rest of its transaction
        TransactionTemplate batch = new TransactionTemplate(HandoverDatabase.transactions(DB.repositoryRole));
        List<String> claimed = batch.execute(tx -> {
            List<String> citizens = consumer.claim(Set.of("TELMA"), 3).stream().map(c -> c.series().citizenCpr()).toList();
            assertThat(HandoverDatabase.jdbc(DB.repositoryRole).queryForObject("SHOW enable_sort", String.class))
                    .isEqualTo("on");
            return citizens;
        });
        assertThat(claimed).containsExactly("0000000001", "0000000002", "0000000003");
    }

    @Test
    void aRegistrationClaimWalksTheOutboxInOrderBeforeThereAreStatistics() {
        DB.storeDocument("template", null, "0101501234");
        DB.copyDocument("template", 5000);
        DB.owner.sql("INSERT INTO repository.registration_outbox (document_unique_id, citizen_cpr, priority) "
                + "SELECT 'doc-' || g, lpad(g::text, 10, '0'), 1 FROM generate_series(5000, 1, -1) g").update();

        String plan = HandoverDatabase.claimPlan(DB.registryRole, RegistrationOutbox.CLAIM, "50");
        assertThat(plan).as(plan).contains("Index Scan using registration_outbox_due").doesNotContain("Sort");

        TransactionTemplate batch = new TransactionTemplate(HandoverDatabase.transactions(DB.registryRole));
        List<String> claimed = batch.execute(tx -> new RegistrationOutbox(HandoverDatabase.jdbc(DB.registryRole)).claim(2)
                .stream().map(p -> p.metadata().uniqueId()).toList());
        assertThat(claimed).containsExactly("doc-1", "doc-2");
    }
}
