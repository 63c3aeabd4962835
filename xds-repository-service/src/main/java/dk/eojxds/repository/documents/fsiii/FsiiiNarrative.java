package dk.eojxds.repository.documents.fsiii;

import dk.eojxds.model.fsiii.FsiiiTerminology;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * Danish XHTML narrative for the FSIII overview: tables with the FSIII display texts, so that any
 * FHIR viewer shows what the municipality recorded.
 */
final class FsiiiNarrative {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
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

    /** A table as an XHTML div (text nodes: HAPI escapes them when it writes the document). */
    static XhtmlNode table(List<String> headings, List<List<String>> rows) {
        XhtmlNode div = div();
        XhtmlNode table = div.addTag("table");
        XhtmlNode heading = table.addTag("thead").addTag("tr");
        headings.forEach(h -> withText(heading, "th", h));
        XhtmlNode body = table.addTag("tbody");
        for (List<String> row : rows) {
            XhtmlNode tr = body.addTag("tr");
            row.forEach(cell -> withText(tr, "td", cell));
        }
        return div;
    }

    /** A div holding one paragraph. */
    static XhtmlNode paragraph(String text) {
        XhtmlNode div = div();
        withText(div, "p", text);
        return div;
    }

    /**
     * The narrative built as nodes: handing HAPI a string made it build a new XHTML parser, with
     * its table of every HTML entity, for each section (a third of an FSIII document's cost).
     */
    static org.hl7.fhir.r4.model.Narrative generated(XhtmlNode div) {
        org.hl7.fhir.r4.model.Narrative narrative = new org.hl7.fhir.r4.model.Narrative();
        narrative.setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED);
        narrative.setDiv(div);
        return narrative;
    }

    private static XhtmlNode div() {
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", XHTML);
        return div;
    }

    // an element with no text stays empty (<td/>), as before
    private static void withText(XhtmlNode parent, String name, String text) {
        XhtmlNode element = parent.addTag(name);
        if (text != null && !text.isEmpty()) {
            element.addText(text);
        }
    }
}
