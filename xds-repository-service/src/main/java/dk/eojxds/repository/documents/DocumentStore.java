package dk.eojxds.repository.documents;

import dk.eojxds.handover.DeprecationOutbox;
import dk.eojxds.handover.IngestedResources;
import dk.eojxds.handover.Priority;
import dk.eojxds.handover.RegistrationOutbox;
import dk.eojxds.handover.SeriesKey;
import dk.eojxds.handover.TextArray;
import dk.eojxds.model.DocumentMetadata;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored documents: immutable rows; a new version replaces the current one of its series. */
@Repository
public class DocumentStore {

    private final JdbcClient jdbc;
    private final RegistrationOutbox registrations;
    private final DeprecationOutbox deprecations;

    DocumentStore(JdbcClient jdbc, RegistrationOutbox registrations, DeprecationOutbox deprecations) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.deprecations = deprecations;
    }

    /** The current document of a (family, citizen, partition) series, if any. */
    public Optional<CurrentDocument> current(SeriesKey series) {
        return jdbc.sql("""
                        SELECT unique_id, source_fingerprint FROM repository.document
                        WHERE family = ? AND citizen_cpr = ? AND partition_key = ? AND status = 'CURRENT'
                        """)
                .param(series.family())
                .param(series.citizenCpr())
                .param(series.partitionKey())
                .query((rs, i) -> new CurrentDocument(rs.getString(1), rs.getString(2)))
                .optional();
    }

    public record CurrentDocument(String uniqueId, String sourceFingerprint) {
    }

    /**
     * Stores the document as the current one of its series, marks the one it replaces, and queues
     * it for registration, all in the caller's transaction.
     */
    void storeReplacing(NewDocument document, String replacedUniqueId, Priority priority) {
        if (replacedUniqueId != null) {
            jdbc.sql("UPDATE repository.document SET status = 'REPLACED' WHERE unique_id = ?")
                    .param(replacedUniqueId).update();
        }
        DocumentMetadata m = document.metadata();
        jdbc.sql("""
                        INSERT INTO repository.document (unique_id, entry_uuid, family, citizen_cpr, partition_key,
                            status, replaces_unique_id, author_name, author_sor,
                            class_code, class_code_scheme, class_code_display,
                            type_code, type_code_scheme, type_code_display,
                            format_code, format_code_scheme, format_code_display,
                            confidentiality_code, language_code, facility_type_code, facility_type_display,
                            practice_setting_code, practice_setting_display, event_codes, title, creation_time,
                            service_start_time, service_stop_time, mime_type, hash_sha1, size_bytes,
                            repository_unique_id, home_community_id, content, source_fingerprint,
                            patient_family, patient_given, source_received_at)
                        VALUES (?, ?, ?, ?, ?, 'CURRENT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                                ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], (%s))
                        """.formatted(IngestedResources.LATEST_RECEIVED))
                .param(m.uniqueId()).param(m.entryUuid()).param(m.family().name()).param(m.patient().value())
                .param(document.partitionKey()).param(replacedUniqueId)
                .param(m.author().name()).param(m.author().sor().value())
                .param(m.classCode().code()).param(m.classCode().schemeOid()).param(m.classCode().display())
                .param(m.typeCode().code()).param(m.typeCode().schemeOid()).param(m.typeCode().display())
                .param(m.formatCode().code()).param(m.formatCode().schemeOid()).param(m.formatCode().display())
                .param(m.confidentialityCode().code()).param(m.languageCode())
                .param(m.healthcareFacilityTypeCode().code()).param(m.healthcareFacilityTypeCode().display())
                .param(m.practiceSettingCode().code()).param(m.practiceSettingCode().display())
                .param(eventCodes(m)).param(m.title()).param(timestamp(m.creationTime()))
                .param(timestamp(m.serviceStartTime())).param(timestamp(m.serviceStopTime()))
                .param(m.mimeType()).param(m.hash()).param(m.size())
                .param(m.repositoryUniqueId()).param(m.homeCommunityId()).param(document.content())
                .param(document.sourceFingerprint())
                .param(m.patientName() == null ? null : m.patientName().family())
                .param(m.patientName() == null ? null : TextArray.literal(m.patientName().given()))
                .param(m.family().name()).param(m.patient().value()).param(document.partitionKey())
                .update();
        registrations.enqueue(m.uniqueId(), m.patient().value(), priority);
    }

    /**
     * The series' documents so far showed data that was purged: each keeps its metadata, loses its
     * content and is no longer retrieved (repository V14). Answers how many were erased.
     */
    int erasePurged(SeriesKey series) {
        return jdbc.sql("""
                        UPDATE repository.document SET content = ''::bytea, purged_at = now()
                        WHERE family = ? AND citizen_cpr = ? AND partition_key = ? AND purged_at IS NULL""")
                .param(series.family()).param(series.citizenCpr()).param(series.partitionKey()).update();
    }

    /** Withdraws the current document and queues its deprecation in the registry. */
    public void withdraw(String uniqueId, String reason) {
        jdbc.sql("UPDATE repository.document SET status = 'WITHDRAWN' WHERE unique_id = ? AND status = 'CURRENT'")
                .param(uniqueId).update();
        deprecations.enqueue(uniqueId, reason);
    }

    // A PostgreSQL array literal of "code|display" pairs; quotes and backslashes escaped.
    private static String eventCodes(DocumentMetadata m) {
        return TextArray.literal(m.eventCodes().stream().map(code -> code.code() + "|" + code.display()).toList());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
