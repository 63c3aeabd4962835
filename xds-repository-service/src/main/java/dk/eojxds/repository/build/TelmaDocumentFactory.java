package dk.eojxds.repository.build;

import dk.eojxds.model.Code;
import dk.eojxds.model.DataFamily;
import dk.eojxds.model.DeterministicIds;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.DocumentMetadata;
import dk.eojxds.repository.RepositoryProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds a citizen's PHMR-DK document of one day, with its Danish XDS metadata. */
@Component
class TelmaDocumentFactory {

    private final PhmrDocumentBuilder builder;
    private final RepositoryProperties properties;

    TelmaDocumentFactory(PhmrDocumentBuilder builder, RepositoryProperties properties) {
        this.builder = builder;
        this.properties = properties;
    }

    /**
     * @param replacesUniqueId the current document of the series, or null; part of the derived id,
     *                         so that data which returns to an earlier state still gets a new id
     */
    NewDocument create(MeasurementDay day, String replacesUniqueId) {
        String fingerprint = fingerprint(day);
        String uniqueId = DeterministicIds.uuid("TELMA", day.citizen().value(), day.day().toString(),
                fingerprint, replacesUniqueId == null ? "" : replacesUniqueId).toString();
        byte[] content = builder.build(day, uniqueId);
        RepositoryProperties.FamilyCodes codes = properties.telma();
        List<Code> eventCodes = day.measurements().stream()
                .map(m -> m.kind().asCode()).distinct()
                .sorted(Comparator.comparing(Code::code)).toList();
        DocumentMetadata metadata = new DocumentMetadata(
                uniqueId,
                DeterministicIds.entryUuid(uniqueId),
                DataFamily.TELMA,
                day.citizen(),
                day.author(),
                DkXdsCodes.CLASS_CLINICAL_REPORT,
                DkXdsCodes.TYPE_PHMR,
                new Code(codes.formatCode(), DkXdsCodes.FORMAT_CODE_SCHEME, codes.formatCodeDisplay()),
                DkXdsCodes.CONFIDENTIALITY_NORMAL,
                DkXdsCodes.LANGUAGE_DANISH,
                new Code(codes.facilityTypeCode(), DkXdsCodes.SNOMED_CT, codes.facilityTypeDisplay()),
                new Code(codes.practiceSettingCode(), DkXdsCodes.SNOMED_CT, codes.practiceSettingDisplay()),
                eventCodes,
                PhmrDocumentBuilder.title(day),
                day.dataAsOf(),
                day.first(),
                day.last(),
                "text/xml",
                sha1(content),
                content.length,
                properties.uniqueId(),
                properties.homeCommunityId(),
                replacesUniqueId);
        return new NewDocument(metadata, day.day().toString(), fingerprint, content);
    }

    static String fingerprint(MeasurementDay day) {
        StringBuilder canonical = new StringBuilder()
                .append(day.author().sor().value()).append('|').append(day.author().name()).append('|')
                .append(day.dataAsOf());
        for (Measurement m : day.measurements()) {
            canonical.append('|').append(m.resourceId()).append(',').append(m.kind().npuCode()).append(',')
                    .append(m.value().toPlainString()).append(',').append(m.unit()).append(',').append(m.effective());
        }
        return sha1(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }
}
