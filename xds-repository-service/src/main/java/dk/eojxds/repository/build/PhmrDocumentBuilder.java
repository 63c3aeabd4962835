package dk.eojxds.repository.build;

import dk.eojxds.model.DkXdsCodes;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Writes a PHMR-DK (Personal Health Monitoring Report, MedCom profile) CDA document for one
 * citizen's measurements of one day. The output depends only on its input: no clock, no random
 * ids, a fixed element order, so rebuilding the same data gives the same bytes.
 */
@Component
class PhmrDocumentBuilder {

    static final String PHMR_TEMPLATE = "2.16.840.1.113883.10.20.9";
    static final String PHMR_DK_TEMPLATE = "1.2.208.184.11.1";
    static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy",
            Locale.forLanguageTag("da-DK"));

    static String title(MeasurementDay day) {
        return "Hjemmemålinger " + DANISH_DATE.format(day.day());
    }

    byte[] build(MeasurementDay day, String documentId) {
        CdaHeader header = new CdaHeader(List.of(PHMR_TEMPLATE, PHMR_DK_TEMPLATE), documentId, DkXdsCodes.TYPE_PHMR,
                title(day), day.dataAsOf(), day.citizen(), day.author(), day.first(), day.last());
        return CdaXml.document(header, xml -> new PhmrResultsSection(xml).write(day));
    }
}
