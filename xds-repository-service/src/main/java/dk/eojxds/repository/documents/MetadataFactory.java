package dk.eojxds.repository.documents;

import dk.eojxds.model.Code;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DataFamily;
import dk.eojxds.model.DeterministicIds;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.DocumentMetadata;
import dk.eojxds.model.Organisation;
import dk.eojxds.repository.RepositoryProperties;
import dk.eojxds.repository.citizen.CitizenDemographics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/** The Danish XDS metadata of a built document; hash and size from its bytes. */
@Component
public class MetadataFactory {

    private final RepositoryProperties properties;

    public MetadataFactory(RepositoryProperties properties) {
        this.properties = properties;
    }

    /** What differs per document; the citizen as the CPR register gives it (only its published form is used). */
    public record Facts(String uniqueId, DataFamily family, CitizenDemographics citizen, Organisation author, Code typeCode,
                 RepositoryProperties.FamilyCodes codes, Code facility, Code practice, List<Code> eventCodes,
                 String title, Instant creationTime, Instant serviceStart, Instant serviceStop, String mimeType,
                 String replacesUniqueId) {
    }

    public DocumentMetadata create(Facts facts, byte[] content) {
        RepositoryProperties.FamilyCodes codes = facts.codes();
        return new DocumentMetadata(
                facts.uniqueId(),
                DeterministicIds.entryUuid(facts.uniqueId()),
                facts.family(),
                facts.citizen().cpr(),
                facts.citizen().name(),
                facts.author(),
                DkXdsCodes.CLASS_CLINICAL_REPORT,
                facts.typeCode(),
                new Code(codes.formatCode(), codes.formatCodeScheme(), codes.formatCodeDisplay()),
                DkXdsCodes.CONFIDENTIALITY_NORMAL,
                DkXdsCodes.LANGUAGE_DANISH,
                facts.facility() != null ? facts.facility()
                        : new Code(codes.facilityTypeCode(), DkXdsCodes.SNOMED_CT, codes.facilityTypeDisplay()),
                facts.practice() != null ? facts.practice()
                        : new Code(codes.practiceSettingCode(), DkXdsCodes.SNOMED_CT, codes.practiceSettingDisplay()),
                facts.eventCodes(),
                facts.title(),
                facts.creationTime(),
                facts.serviceStart(),
                facts.serviceStop(),
                facts.mimeType(),
                sha1(content),
                content.length,
                properties.uniqueId(),
                properties.homeCommunityId(),
                facts.replacesUniqueId());
    }

    public static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }

    public static String sha1(String text) {
        return sha1(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A document id derived from what it shows and what it replaces: same input, same id. */
    public static String uniqueId(DataFamily family, Cpr citizen, String partition, String fingerprint, String replaces) {
        return DeterministicIds.documentUuid(family.name(), citizen.value(), partition, fingerprint,
                replaces == null ? "" : replaces).toString();
    }
}
