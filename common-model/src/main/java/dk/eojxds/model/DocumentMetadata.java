package dk.eojxds.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The XDS DocumentEntry metadata of one stored document, as the Danish profile requires it.
 * Hash (SHA-1, lower-case hex) and size are those of the stored bytes and never change.
 *
 * @param patientName      the citizen's name as it may be published (PID-5 of sourcePatientInfo); null only
 *                         for documents stored before names were kept
 * @param replacesUniqueId the uniqueId of the document this one replaces (RPLC), or null
 */
public record DocumentMetadata(
        String uniqueId,
        String entryUuid,
        DataFamily family,
        Cpr patient,
        PersonName patientName,
        Organisation author,
        Code classCode,
        Code typeCode,
        Code formatCode,
        Code confidentialityCode,
        String languageCode,
        Code healthcareFacilityTypeCode,
        Code practiceSettingCode,
        List<Code> eventCodes,
        String title,
        Instant creationTime,
        Instant serviceStartTime,
        Instant serviceStopTime,
        String mimeType,
        String hash,
        long size,
        String repositoryUniqueId,
        String homeCommunityId,
        String replacesUniqueId) {

    public DocumentMetadata {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(entryUuid, "entryUuid");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(hash, "hash");
        eventCodes = List.copyOf(eventCodes);
        if (!hash.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("hash must be 40 lower-case hex digits (SHA-1)");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    /** The same document replacing another one (or none): the registry knew a newer version than we did. */
    public DocumentMetadata replacing(String otherUniqueId) {
        return new DocumentMetadata(uniqueId, entryUuid, family, patient, patientName, author, classCode, typeCode,
                formatCode, confidentialityCode, languageCode, healthcareFacilityTypeCode, practiceSettingCode,
                eventCodes, title, creationTime, serviceStartTime, serviceStopTime, mimeType, hash, size,
                repositoryUniqueId, homeCommunityId, otherUniqueId);
    }
}
