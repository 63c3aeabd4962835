package dk.eojxds.repository.documents.telma;

import dk.eojxds.model.Code;
import dk.eojxds.model.DataFamily;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.repository.RepositoryProperties;
import dk.eojxds.repository.citizen.CitizenDemographics;
import dk.eojxds.repository.documents.MetadataFactory;
import dk.eojxds.repository.documents.NewDocument;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds a citizen's PHMR-DK document of one day, with its Danish XDS metadata. */
@Component
public class TelmaDocumentFactory {

    private final PhmrDocumentBuilder builder;
    private final MetadataFactory metadata;
    private final RepositoryProperties properties;

    public TelmaDocumentFactory(MetadataFactory metadata, RepositoryProperties properties) {
        this.builder = new PhmrDocumentBuilder(PhmrRelease.of(properties.phmrRelease()));
        this.metadata = metadata;
        this.properties = properties;
        if (!builder.release().formatCode.equals(properties.telma().formatCode())) {
            throw new IllegalStateException("eojxds.repository.telma.format-code is " + properties.telma().formatCode()
                    + " but PHMR-DK " + properties.phmrRelease() + " documents carry " + builder.release().formatCode);
        }
    }

    /**
     * @param fingerprint      from {@link #fingerprint}: the data and what is shown of the citizen
     * @param replacesUniqueId the current document of the series, or null; part of the derived id,
     *                         so that data which returns to an earlier state still gets a new id
     */
    public NewDocument create(MeasurementDay day, CitizenDemographics citizen, String fingerprint, String replacesUniqueId) {
        String uniqueId = MetadataFactory.uniqueId(DataFamily.TELMA, day.citizen(), day.day().toString(), fingerprint,
                replacesUniqueId);
        byte[] content = builder.build(day, citizen, uniqueId);
        List<Code> eventCodes = day.measurements().stream()
                .map(m -> m.kind().asCode()).filter(code -> DkXdsCodes.EVENT_CODE_MEASUREMENTS.contains(code.code()))
                .distinct()
                .sorted(Comparator.comparing(Code::code)).toList();
        return new NewDocument(metadata.create(new MetadataFactory.Facts(uniqueId, DataFamily.TELMA, citizen,
                day.author(), DkXdsCodes.TYPE_PHMR, properties.telma(), null, null, eventCodes,
                PhmrDocumentBuilder.TITLE, day.dataAsOf(), day.first(), day.last(), "text/xml",
                replacesUniqueId), content), day.day().toString(), fingerprint, content);
    }

    public static String fingerprint(MeasurementDay day, CitizenDemographics citizen) {
        StringBuilder canonical = new StringBuilder()
                .append(day.author().sor().value()).append('|').append(day.author().name()).append('|')
                .append(day.dataAsOf()).append('|').append(citizen.fingerprint());
        for (Measurement m : day.measurements()) {
            canonical.append('|').append(m.resourceId()).append(',').append(m.kind().npuCode()).append(',')
                    .append(m.value().toPlainString()).append(',').append(m.unit()).append(',').append(m.effective())
                    .append(',').append(m.method().performer()).append(',').append(m.method().provision());
        }
        return MetadataFactory.sha1(canonical.toString());
    }
}
