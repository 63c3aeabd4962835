package dk.eojxds.repository.documents.telma;

import dk.eojxds.model.Code;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.repository.citizen.CitizenDemographics;
import dk.eojxds.repository.documents.CdaHeader;
import dk.eojxds.repository.documents.CdaXml;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a PHMR-DK (Personal Health Monitoring Report, MedCom profile) CDA document for one
 * citizen's measurements of one day, in the configured release. The output depends only on its
 * input: no clock, no random ids, a fixed element order, so rebuilding the same data gives the same
 * bytes.
 */
public class PhmrDocumentBuilder {

    static final String PHMR_TEMPLATE = "2.16.840.1.113883.10.20.9";
    static final String PHMR_DK_TEMPLATE = "1.2.208.184.11.1";
    /** PHMR-DK 2.1.0 section 2.1.4: the title is exactly this. */
    public static final String TITLE = "Hjemmemålinger";

    private final PhmrRelease release;

    public PhmrDocumentBuilder(PhmrRelease release) {
        this.release = release;
    }

    public PhmrRelease release() {
        return release;
    }


    public byte[] build(MeasurementDay day, CitizenDemographics citizen, String documentId) {
        List<CdaHeader.ServiceEvent> events = new ArrayList<>();
        events.add(CdaHeader.ServiceEvent.period(day.first(), day.last()));
        events.add(CdaHeader.ServiceEvent.version(release.versionId));
        if (release == PhmrRelease.V2_1) {
            // section 2.2.3: one serviceEvent per measurement code found in the body
            day.measurements().stream().map(m -> release.measurementCode(m.kind())).distinct()
                    .sorted(java.util.Comparator.comparing(Code::code))
                    .forEach(code -> events.add(CdaHeader.ServiceEvent.code(code)));
        }
        CdaHeader header = new CdaHeader(List.of(PHMR_TEMPLATE, PHMR_DK_TEMPLATE), documentId, DkXdsCodes.TYPE_PHMR,
                TITLE, day.dataAsOf(), citizen, day.author(), true, "MPROT", events);
        return CdaXml.document(header, "Self", xml -> new PhmrVitalSignsSection(xml, release).write(day));
    }
}
