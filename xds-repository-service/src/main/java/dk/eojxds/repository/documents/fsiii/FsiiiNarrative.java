package dk.eojxds.repository.documents.fsiii;

import dk.eojxds.model.fsiii.FsiiiTerminology;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Danish XHTML narrative for the FSIII overview: tables with the FSIII display texts, so that any
 * FHIR viewer shows what the municipality recorded.
 */
final class FsiiiNarrative {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy").withZone(ZoneId.of("Europe/Copenhagen"));
    // FSIII severity scale: the code system's displays are the numbers 0-4 and 9.
    private static final Map<String, String> SEVERITY = Map.of("0", "Ingen/ubetydelige begrænsninger",
            "1", "Lette begrænsninger", "2", "Moderate begrænsninger", "3", "Svære begrænsninger",
            "4", "Totale begrænsninger", "9", "Ikke relevant");

    private final FsiiiTerminology terminology;

    FsiiiNarrative(FsiiiTerminology terminology) {
        this.terminology = terminology;
    }

    String display(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            if (FsiiiTerminology.isFsiiiSystem(coding.getSystem())) {
                return terminology.display(coding.getCode()).orElse(coding.hasDisplay() ? coding.getDisplay() : coding.getCode());
            }
        }
        Coding first = concept.getCodingFirstRep();
        return concept.hasText() ? concept.getText() : first.hasDisplay() ? first.getDisplay() : first.getCode();
    }

    /** The FSIII category of a concept's FSIII coding (OTHER when it has none). */
    FsiiiTerminology.Category category(CodeableConcept concept) {
        return concept.getCoding().stream().filter(c -> FsiiiTerminology.isFsiiiSystem(c.getSystem()))
                .map(c -> terminology.category(c.getCode())).findFirst().orElse(FsiiiTerminology.Category.OTHER);
    }

    String severity(CodeableConcept concept) {
        if (concept == null || concept.isEmpty()) {
            return "";
        }
        String scale = display(concept);
        return SEVERITY.getOrDefault(scale, scale);
    }

    static String date(Date date) {
        return date == null ? "" : DATE.format(date.toInstant());
    }

    /** A table as an XHTML div; every cell escaped. */
    static String table(List<String> headings, List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\"><table><thead><tr>");
        headings.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        return html.append("</tbody></table></div>").toString();
    }

    static org.hl7.fhir.r4.model.Narrative generated(String div) {
        org.hl7.fhir.r4.model.Narrative narrative = new org.hl7.fhir.r4.model.Narrative();
        narrative.setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED);
        narrative.setDivAsString(div);
        return narrative;
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
