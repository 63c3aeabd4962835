package dk.eojxds.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registration and deprecation outboxes, enqueued as xds-repository-service does and consumed
 * as registry-adapter does (each as its runtime role): the ordering rules that keep the registry
 * consistent, retry and park.
 */
class OutboxTest {

    private static final HandoverDatabase DB = new HandoverDatabase("handoveroutbox");

    private final RegistrationOutbox repositorySide = new RegistrationOutbox(HandoverDatabase.jdbc(DB.repositoryRole));
    private final DeprecationOutbox withdrawals = new DeprecationOutbox(HandoverDatabase.jdbc(DB.repositoryRole));
    private final RegistrationOutbox registrations = new RegistrationOutbox(HandoverDatabase.jdbc(DB.registryRole));
    private final DeprecationOutbox deprecations = new DeprecationOutbox(HandoverDatabase.jdbc(DB.registryRole));
    private final TransactionTemplate registry = new TransactionTemplate(HandoverDatabase.transactions(DB.registryRole));

    @AfterAll
    static void close() {
        DB.close();
    }

    @BeforeEach
    void empty() {
        DB.owner.sql("TRUNCATE repository.document, repository.registration_outbox, repository.deprecation_outbox, "
                + "registry.registration, registry.deprecation CASCADE").update();
    }

    private void store(String uniqueId, String replaces) {
        store(uniqueId, replaces, Priority.LIVE, "0101501234");
    }

    private void store(String uniqueId, String replaces, Priority priority, String citizen) {
        DB.storeDocument(uniqueId, replaces, citizen);
        repositorySide.enqueue(uniqueId, citizen, priority, replaces);
    }

    private List<PendingRegistration> claimRegistrations() {
        return registry.execute(tx -> registrations.claim(10));
    }

    private List<DeprecationOutbox.PendingDeprecation> claimDeprecations() {
        return registry.execute(tx -> deprecations.claim(10));
    }

    private List<String> claimable() {
        return registry.execute(tx -> registrations.claim(10)).stream().map(p -> p.metadata().uniqueId()).toList();
    }

    @Test
    void aReplacementWaitsUntilTheDocumentItReplacesIsRegistered() {
        store("first", null);
        store("second", "first");
        assertThat(claimable()).containsExactly("first");
        PendingRegistration first = registry.execute(tx -> registrations.claim(1)).get(0);
        assertThat(first.metadata().patientName().given()).containsExactly("Karen", "Marie");
        registry.executeWithoutResult(tx -> registrations.registered(first.metadata(), "1.2.3.4"));
        assertThat(claimable()).containsExactly("second");
    }

    @Test
    void liveDocumentsGoFirstInArrivalOrderThenBacklogCitizenByCitizen() {
        store("backlog-b1", null, Priority.BACKLOG, "0202601234");
        store("backlog-a1", null, Priority.BACKLOG, "0101501234");
        store("backlog-b2", null, Priority.BACKLOG, "0202601234");
        store("live-b", null, Priority.LIVE, "0202601234");
        store("live-a", null, Priority.LIVE, "0101501234");
        assertThat(claimable()).containsExactly("live-b", "live-a", "backlog-a1", "backlog-b1", "backlog-b2");
    }

    @Test
    void aRetriedDocumentWaitsForItsTimeAndAParkedOneForAnOperator() {
        store("busy", null);
        store("refused", null);
        List<PendingRegistration> both = registry.execute(tx -> registrations.claim(10));
        registry.executeWithoutResult(tx -> {
            registrations.retryLater(both.get(0).metadata(), "1.2.3.4", "busy", Instant.now().plusSeconds(3600));
            registrations.park(both.get(1).metadata(), "1.2.3.5", "XDSRegistryMetadataError");
        });
        assertThat(claimable()).isEmpty();
        DB.owner.sql("UPDATE registry.registration SET next_attempt_at = now() WHERE state = 'PENDING'").update();
        assertThat(claimRegistrations()).singleElement()
                .satisfies(p -> assertThat(p.attempts()).isEqualTo(1));
    }

    @Test
    void aDocumentWhoseStoredMetadataCannotBeReadIsParkedAndTheRestOfTheQueueGoesOn() {
        store("unreadable", null, Priority.LIVE, "0000000000"); // no such birth date: Cpr refuses it
        store("fine", null);
        assertThat(claimable()).containsExactly("fine");
        assertThat(DB.owner.sql("SELECT state || ' ' || last_error FROM registry.registration "
                + "WHERE document_unique_id = 'unreadable'").query(String.class).single())
                .startsWith("FAILED unreadable-metadata: InvalidIdentifierException");
        assertThat(claimable()).as("parked for an operator, never claimed again").containsExactly("fine");
    }

    @Test
    void aDeprecationWhoseDocumentCannotBeReadIsParkedAndTheRestGoOn() {
        DB.storeDocument("unreadable", null, "0000000000");
        DB.storeDocument("fine", null, "0101501234");
        withdrawals.enqueue("unreadable", "entered in error");
        withdrawals.enqueue("fine", "entered in error");
        assertThat(claimDeprecations()).extracting(DeprecationOutbox.PendingDeprecation::uniqueId).containsExactly("fine");
        assertThat(DB.owner.sql("SELECT state FROM registry.deprecation WHERE document_unique_id = 'unreadable'")
                .query(String.class).single()).isEqualTo("FAILED");
    }

    @Test
    void aWithdrawnDocumentIsDeprecatedOnlyOnceItIsRegistered() {
        store("withdrawn", null);
        withdrawals.enqueue("withdrawn", "entered in error");
        withdrawals.enqueue("withdrawn", "entered in error"); // a second withdrawal changes nothing
        assertThat(claimDeprecations()).isEmpty();
        PendingRegistration pending = registry.execute(tx -> registrations.claim(1)).get(0);
        registry.executeWithoutResult(tx -> registrations.registered(pending.metadata(), "1.2.3.4"));
        List<DeprecationOutbox.PendingDeprecation> due = registry.execute(tx -> deprecations.claim(10));
        assertThat(due).singleElement().satisfies(d -> assertThat(d.reason()).isEqualTo("entered in error"));
        registry.executeWithoutResult(tx -> deprecations.deprecated(due.get(0), "1.2.3.6"));
        assertThat(claimDeprecations()).isEmpty();
        assertThat(DB.owner.sql("SELECT state FROM registry.deprecation").query(String.class).single())
                .isEqualTo("DEPRECATED");
    }

    /**
     * The claim looks its documents and registrations up by key, also in the generic plan that a
     * server-prepared statement ends up with (it does not know the LIMIT): with a few hundred
     * documents waiting, plain joins made PostgreSQL read every stored document, and later every
     * registration, for each claim (its cost model prices a key look-up as a disk read).
     */
    @Test
    void aClaimNeverScansTheStoredDocumentsOrRegistrations() throws Exception {
        store("template", null);
        DB.copyDocument("template", 20000);
        DB.owner.sql("""
                INSERT INTO registry.registration (document_unique_id, entry_uuid, submission_set_unique_id, state)
                SELECT 'doc-' || g, 'urn:uuid:doc-' || g, '1.2.3', 'REGISTERED' FROM generate_series(301, 20000) g
                """).update();
        DB.owner.sql("INSERT INTO repository.registration_outbox (document_unique_id, citizen_cpr, priority) "
                + "SELECT 'doc-' || g, '0101501234', 1 FROM generate_series(1, 300) g").update();
        DB.owner.sql("ANALYZE repository.document, repository.registration_outbox, registry.registration").update();

        String plan = HandoverDatabase.claimPlan(DB.registryRole, RegistrationOutbox.CLAIM, "10");
        assertThat(plan).as(plan).doesNotContain("Seq Scan on document").doesNotContainPattern("Seq Scan on registration ")
                .contains("document_pkey", "registration_pkey")
                // the outbox walked in its order: no sort of everything waiting (QueueOrder)
                .contains("Index Scan using registration_outbox_due").doesNotContain("Sort");
        assertThat(claimable()).hasSize(10);
    }
}
