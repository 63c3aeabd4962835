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
        DB.owner.sql("""
                INSERT INTO repository.document (unique_id, entry_uuid, family, citizen_cpr, partition_key, status,
                    replaces_unique_id, author_name, author_sor, class_code, class_code_scheme, class_code_display,
                    type_code, type_code_scheme, type_code_display, format_code, format_code_scheme, format_code_display,
                    confidentiality_code, language_code, facility_type_code, facility_type_display,
                    practice_setting_code, practice_setting_display, title, creation_time, mime_type, hash_sha1,
                    size_bytes, repository_unique_id, home_community_id, content, source_fingerprint,
                    patient_family, patient_given)
                VALUES (?, ?, 'TELMA', ?, ?, ?, ?, 'Ærø Kommune', '1301000016005', '001', '1.2.208.184.100.9',
                    'Klinisk rapport', '53576-5', '2.16.840.1.113883.6.1', 'PHMR', 'urn:ad:dk:medcom:phmr-v2.1:full',
                    '1.2.208.184.100.10', 'PHMR', 'N', 'da-DK', '1', 'f', '2', 'p', 'Hjemmemålinger', now(), 'text/xml',
                    repeat('a', 40), 1, '1.2.3', 'urn:oid:1.2.3', '\\x00', repeat('b', 40), 'Ærøbo', '{Karen,Marie}')
                """).param(uniqueId).param("urn:uuid:" + uniqueId).param(citizen).param(uniqueId).param("CURRENT")
                .param(replaces).update();
        repositorySide.enqueue(uniqueId, citizen, priority);
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
        DB.owner.sql("""
                INSERT INTO repository.document SELECT (jsonb_populate_record(d, jsonb_build_object(
                    'unique_id', 'doc-' || g, 'entry_uuid', 'urn:uuid:doc-' || g, 'partition_key', 'doc-' || g))).*
                FROM repository.document d, generate_series(1, 20000) g WHERE d.unique_id = 'template'
                """).update();
        DB.owner.sql("""
                INSERT INTO registry.registration (document_unique_id, entry_uuid, submission_set_unique_id, state)
                SELECT 'doc-' || g, 'urn:uuid:doc-' || g, '1.2.3', 'REGISTERED' FROM generate_series(301, 20000) g
                """).update();
        DB.owner.sql("INSERT INTO repository.registration_outbox (document_unique_id, citizen_cpr, priority) "
                + "SELECT 'doc-' || g, '0101501234', 1 FROM generate_series(1, 300) g").update();
        DB.owner.sql("ANALYZE repository.document, repository.registration_outbox, registry.registration").update();

        String plan;
        try (var connection = DB.registryRole.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE claim(int) AS " + RegistrationOutbox.CLAIM.replace("LIMIT ?", "LIMIT $1"));
            StringBuilder lines = new StringBuilder();
            try (var result = statement.executeQuery("EXPLAIN EXECUTE claim(10)")) {
                while (result.next()) {
                    lines.append(result.getString(1)).append('\n');
                }
            }
            statement.execute("DEALLOCATE claim");
            statement.execute("RESET plan_cache_mode");
            plan = lines.toString();
        }
        assertThat(plan).as(plan).doesNotContain("Seq Scan on document").doesNotContainPattern("Seq Scan on registration ")
                .contains("document_pkey", "registration_pkey");
        assertThat(claimable()).hasSize(10);
    }
}
