package dk.eojxds.registry.register;

import dk.eojxds.model.Code;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DataFamily;
import dk.eojxds.model.DeterministicIds;
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
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims documents from xds-repository-service's published outbox and records what the registry
 * answered in this service's own schema. A replacing document waits until the document it
 * replaces has left the outbox (RPLC needs its target registered first).
 */
@Repository
class RegistrationOutbox {

    private final JdbcClient jdbc;

    RegistrationOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PendingRegistration> claimNext() {
        return jdbc.sql("""
                        SELECT d.*, coalesce(r.attempts, 0) AS attempts
                        FROM repository.registration_outbox o
                        JOIN repository.document_metadata d ON d.unique_id = o.document_unique_id
                        LEFT JOIN registry.registration r ON r.document_unique_id = o.document_unique_id
                        WHERE (r.document_unique_id IS NULL OR (r.state = 'PENDING' AND r.next_attempt_at <= now()))
                          AND NOT EXISTS (SELECT 1 FROM repository.registration_outbox earlier
                                          WHERE earlier.document_unique_id = d.replaces_unique_id)
                        ORDER BY o.enqueued_at
                        LIMIT 1
                        FOR UPDATE OF o SKIP LOCKED
                        """)
                .query((rs, i) -> new PendingRegistration(metadata(rs), rs.getInt("attempts")))
                .optional();
    }

    void registered(DocumentMetadata document, String submissionSetUniqueId) {
        upsert(document, submissionSetUniqueId, "REGISTERED", null, null);
        jdbc.sql("DELETE FROM repository.registration_outbox WHERE document_unique_id = ?")
                .param(document.uniqueId()).update();
    }

    void retryLater(DocumentMetadata document, String submissionSetUniqueId, String error, Instant nextAttempt) {
        upsert(document, submissionSetUniqueId, "PENDING", error, nextAttempt);
    }

    void park(DocumentMetadata document, String submissionSetUniqueId, String error) {
        upsert(document, submissionSetUniqueId, "FAILED", error, null);
    }

    private void upsert(DocumentMetadata document, String submissionSetUniqueId, String state, String error,
                        Instant nextAttempt) {
        jdbc.sql("""
                        INSERT INTO registry.registration (document_unique_id, entry_uuid, submission_set_unique_id,
                            state, attempts, last_error, next_attempt_at, registered_at)
                        VALUES (?, ?, ?, ?, 1, ?, ?, CASE WHEN ? = 'REGISTERED' THEN now() END)
                        ON CONFLICT (document_unique_id) DO UPDATE
                            SET state = EXCLUDED.state, attempts = registry.registration.attempts + 1,
                                last_error = EXCLUDED.last_error, next_attempt_at = EXCLUDED.next_attempt_at,
                                registered_at = EXCLUDED.registered_at
                        """)
                .param(document.uniqueId()).param(document.entryUuid()).param(submissionSetUniqueId)
                .param(state).param(error).param(nextAttempt == null ? null : Timestamp.from(nextAttempt))
                .param(state)
                .update();
    }

    private static DocumentMetadata metadata(ResultSet rs) throws SQLException {
        String replaces = rs.getString("replaces_unique_id");
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

    static String submissionSetUniqueId(DocumentMetadata document) {
        return DeterministicIds.oid(DeterministicIds.uuid("submissionSet", document.uniqueId()));
    }
}
