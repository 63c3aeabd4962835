package dk.eojxds.handover;

import dk.eojxds.model.Code;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DataFamily;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.DocumentMetadata;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.PersonName;
import dk.eojxds.model.SorCode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The repository's registration outbox ({@code repository.registration_outbox}, read with the
 * published view {@code repository.document_metadata}) and what registry-adapter made of each item
 * ({@code registry.registration}). xds-repository-service enqueues a document in the transaction
 * that stores it; registry-adapter claims batches, and completes, retries or parks each item. A
 * replacing document waits until the document it replaces has left the outbox (RPLC needs its
 * target registered first).
 */
public final class RegistrationOutbox {

    private final JdbcClient jdbc;
    private final RegistryOutcomes outcomes;

    public RegistrationOutbox(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.outcomes = new RegistryOutcomes(this.jdbc, "registry.registration", "REGISTERED", "registered_at");
    }

    /**
     * Queues a stored document for registration, in the caller's (storing) transaction, at the
     * priority of the change it was built from, replacing (RPLC) {@code registryReplaces}: the
     * version of its series the registry shows ({@link RegistryVersions#shown}), or null.
     */
    public void enqueue(String documentUniqueId, String citizenCpr, Priority priority, String registryReplaces) {
        jdbc.sql("""
                        INSERT INTO repository.registration_outbox (document_unique_id, citizen_cpr, priority, replaces_unique_id)
                        VALUES (?, ?, ?, ?)""")
                .param(documentUniqueId).param(citizenCpr).param(Math.min(priority.rank(), Priority.BACKLOG.rank()))
                .param(registryReplaces)
                .update();
    }

    // The outbox drives; its document and its registration are looked up by key, one row each. As
    // plain joins, the statement's generic plan (the JDBC driver prepares it on the server, and the
    // plan does not know the LIMIT) scanned every stored document, and then every registration,
    // for each claim: 60,000 documents cost PostgreSQL 12 ms of CPU per document registered.
    // OFFSET 0 keeps the look-ups from being flattened back into joins. The outbox is walked in the
    // order of its index registration_outbox_due (QueueOrder).
    static final String CLAIM = """
            SELECT d.*, o.replaces_unique_id AS registry_replaces, coalesce(r.attempts, 0) AS attempts
            FROM repository.registration_outbox o
            CROSS JOIN LATERAL (SELECT * FROM repository.document_metadata m
                                WHERE m.unique_id = o.document_unique_id OFFSET 0) d
            LEFT JOIN LATERAL (SELECT * FROM registry.registration x
                               WHERE x.document_unique_id = o.document_unique_id OFFSET 0) r ON true
            WHERE (r.document_unique_id IS NULL OR (r.state = 'PENDING' AND r.next_attempt_at <= now()))
              AND NOT EXISTS (SELECT 1 FROM repository.registration_outbox earlier
                              WHERE earlier.document_unique_id = o.replaces_unique_id)
            ORDER BY o.priority, (CASE WHEN o.priority = 0 THEN '' ELSE o.citizen_cpr END), o.enqueued_at
            LIMIT ?
            FOR UPDATE OF o SKIP LOCKED
            """;

    /**
     * Claims up to {@code max} documents due for registration, locked until the transaction ends:
     * live before backlog; live oldest first, backlog citizen by citizen (so that a batch holds
     * several documents of one citizen, for one submission set).
     */
    public List<PendingRegistration> claim(int max) {
        UnreadableItems<PendingRegistration> rows = new UnreadableItems<>(
                (rs, i) -> new PendingRegistration(metadata(rs), rs.getInt("attempts")));
        return rows.parkUnreadable(QueueOrder.claim(jdbc, () -> jdbc.sql(CLAIM).param(max).query(rows.mapper()).list()),
                outcomes, "registration");
    }

    /** Documents in the outbox (waiting, retrying or parked), for the operators' view and alerts. */
    public long depth() {
        return jdbc.sql("SELECT count(*) FROM repository.registration_outbox").query(Long.class).single();
    }

    /** The registry has the document: recorded, and it leaves the outbox. */
    public void registered(DocumentMetadata document, String submissionSetUniqueId) {
        outcomes.record(document.uniqueId(), document.entryUuid(), submissionSetUniqueId, outcomes.doneState(), null, null);
        jdbc.sql("DELETE FROM repository.registration_outbox WHERE document_unique_id = ?")
                .param(document.uniqueId()).update();
    }

    /** A transient failure: tried again from {@code nextAttempt}. */
    public void retryLater(DocumentMetadata document, String submissionSetUniqueId, String error, Instant nextAttempt) {
        outcomes.record(document.uniqueId(), document.entryUuid(), submissionSetUniqueId, RegistryOutcomes.PENDING,
                error, nextAttempt);
    }

    /** A permanent error: parked until an operator retries it; its replacements wait behind it. */
    public void park(DocumentMetadata document, String submissionSetUniqueId, String error) {
        outcomes.record(document.uniqueId(), document.entryUuid(), submissionSetUniqueId, RegistryOutcomes.FAILED,
                error, null);
    }

    private static DocumentMetadata metadata(ResultSet rs) throws SQLException {
        // what it replaces at the registry, decided when it was queued (not always its predecessor here)
        String replaces = rs.getString("registry_replaces");
        return new DocumentMetadata(
                rs.getString("unique_id"),
                rs.getString("entry_uuid"),
                DataFamily.valueOf(rs.getString("family")),
                Cpr.of(rs.getString("citizen_cpr")),
                patientName(rs),
                new Organisation(rs.getString("author_name"), SorCode.of(rs.getString("author_sor"))),
                code(rs, "class_code"),
                code(rs, "type_code"),
                code(rs, "format_code"),
                new Code(rs.getString("confidentiality_code"), DkXdsCodes.CONFIDENTIALITY_SCHEME, "Normal"),
                rs.getString("language_code"),
                new Code(rs.getString("facility_type_code"), DkXdsCodes.SNOMED_CT,
                        rs.getString("facility_type_display")),
                new Code(rs.getString("practice_setting_code"), DkXdsCodes.SNOMED_CT,
                        rs.getString("practice_setting_display")),
                eventCodes(rs.getArray("event_codes")),
                rs.getString("title"),
                instant(rs, "creation_time"),
                instant(rs, "service_start_time"),
                instant(rs, "service_stop_time"),
                rs.getString("mime_type"),
                rs.getString("hash_sha1"),
                rs.getLong("size_bytes"),
                rs.getString("repository_unique_id"),
                rs.getString("home_community_id"),
                replaces);
    }

    // documents stored before the repository kept names have none (their sourcePatientInfo lacks PID-5)
    private static PersonName patientName(ResultSet rs) throws SQLException {
        String family = rs.getString("patient_family");
        Array given = rs.getArray("patient_given");
        return family == null ? null : new PersonName(family, given == null ? List.of() : List.of((String[]) given.getArray()));
    }

    private static Code code(ResultSet rs, String column) throws SQLException {
        return new Code(rs.getString(column), rs.getString(column + "_scheme"), rs.getString(column + "_display"));
    }

    private static List<Code> eventCodes(Array array) throws SQLException {
        List<Code> codes = new ArrayList<>();
        for (String pair : (String[]) array.getArray()) {
            int bar = pair.indexOf('|');
            String code = pair.substring(0, bar);
            codes.add(new Code(code, DkXdsCodes.measurementCodeSystem(code), pair.substring(bar + 1)));
        }
        return codes;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
