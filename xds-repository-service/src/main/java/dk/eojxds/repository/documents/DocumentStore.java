package dk.eojxds.repository.documents;

import dk.eojxds.handover.DeprecationOutbox;
import dk.eojxds.handover.IngestedResources;
import dk.eojxds.handover.Priority;
import dk.eojxds.handover.RegistrationOutbox;
import dk.eojxds.handover.RegistryVersions;
import dk.eojxds.handover.SeriesKey;
import dk.eojxds.handover.TextArray;
import dk.eojxds.model.DocumentMetadata;
import dk.eojxds.repository.publishing.PublishingGate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored documents: immutable rows; a new version replaces the current one of its series. */
@Repository
public class DocumentStore {

    // the fingerprint a current document shows when the registry deprecated it: no data matches it
    static final String REPUBLISH = "";

    private final JdbcClient jdbc;
    private final RegistrationOutbox registrations;
    private final DeprecationOutbox deprecations;
    private final RegistryVersions versions;
    private final PublishingGate gate;

    DocumentStore(JdbcClient jdbc, RegistrationOutbox registrations, DeprecationOutbox deprecations,
                  RegistryVersions versions, PublishingGate gate) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.deprecations = deprecations;
        this.versions = versions;
        this.gate = gate;
    }

    /**
     * The current document of a (family, citizen, partition) series, if any. One the registry had
     * and deprecated (its municipality was withdrawn from publishing) shows no fingerprint, so the
     * next build makes a new version of it even from the same data: a deprecated document cannot
     * be registered again, nor replaced.
     */
    public Optional<CurrentDocument> current(SeriesKey series) {
        return jdbc.sql("""
                        SELECT unique_id, source_fingerprint FROM repository.document
                        WHERE family = ? AND citizen_cpr = ? AND partition_key = ? AND status = 'CURRENT'
                        """)
                .param(series.family())
                .param(series.citizenCpr())
                .param(series.partitionKey())
                .query((rs, i) -> new CurrentDocument(rs.getString(1), rs.getString(2)))
                .optional()
                .map(current -> versions.registeredAndDeprecated(current.uniqueId())
                        ? new CurrentDocument(current.uniqueId(), REPUBLISH) : current);
    }

    public record CurrentDocument(String uniqueId, String sourceFingerprint) {
    }

    /**
     * Stores the document as the current one of its series, marks the one it replaces, and queues
     * it for registration, all in the caller's transaction, if its municipality is live
     * ({@link PublishingGate}); otherwise its series is held until it is. At the registry it
     * replaces the version the registry shows, which is the one it replaces here unless that one
     * was never registered or was deprecated.
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
        SeriesKey series = new SeriesKey(m.family().name(), m.patient().value(), document.partitionKey());
        if (gate.publishes(m.author().sor().value(), m.family().name())) {
            registrations.enqueue(m.uniqueId(), m.patient().value(), priority,
                    replacedUniqueId == null ? null : versions.shown(series, replacedUniqueId));
            versions.release(series);
        } else {
            versions.hold(series, m.author().sor().value());
        }
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

    /**
     * Withdraws the current document and queues the deprecation of the version of its series the
     * registry shows (itself, once registered), whatever its municipality's publishing state: data
     * entered in error must not stay visible, also while the municipality is paused. The state
     * decides only what is registered: when the municipality is not live the series is held, so
     * that going live publishes its newest state.
     */
    public void withdraw(String uniqueId, String reason) {
        jdbc.sql("""
                        UPDATE repository.document SET status = 'WITHDRAWN' WHERE unique_id = ? AND status = 'CURRENT'
                        RETURNING family, citizen_cpr, partition_key, author_sor""")
                .param(uniqueId)
                .query((rs, i) -> Map.entry(new SeriesKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                        rs.getString(4)))
                .optional()
                .ifPresent(withdrawn -> {
                    SeriesKey series = withdrawn.getKey();
                    String shown = versions.shown(series, uniqueId);
                    if (shown != null) {
                        deprecations.enqueue(shown, reason);
                    }
                    if (gate.publishes(withdrawn.getValue(), series.family())) {
                        versions.release(series);
                    } else {
                        versions.hold(series, withdrawn.getValue());
                    }
                });
    }

    // A PostgreSQL array literal of "code|display" pairs; quotes and backslashes escaped.
    private static String eventCodes(DocumentMetadata m) {
        return TextArray.literal(m.eventCodes().stream().map(code -> code.code() + "|" + code.display()).toList());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
