package dk.eojxds.repository.build;

import static dk.eojxds.repository.build.CdaXml.empty;
import static dk.eojxds.repository.build.CdaXml.text;

import dk.eojxds.model.DeterministicIds;
import dk.eojxds.model.DkXdsCodes;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The PHMR results section: a Danish narrative table a person can read in any CDA viewer, and one
 * coded observation per measurement (NPU code, value, unit, time, measured by the citizen).
 */
final class PhmrResultsSection {

    private static final String RESULTS_SECTION_TEMPLATE = "2.16.840.1.113883.10.20.1.14";
    private static final String PHMR_RESULT_ORGANIZER_TEMPLATE = "2.16.840.1.113883.10.20.1.32";
    private static final String PHMR_NUMERIC_OBSERVATION_TEMPLATE = "2.16.840.1.113883.10.20.9.8";
    private static final String MEDCOM_MESSAGE_CODES = "1.2.208.184.100.1";

    private final XMLStreamWriter xml;

    PhmrResultsSection(XMLStreamWriter xml) {
        this.xml = xml;
    }

    void write(MeasurementDay day) throws XMLStreamException {
        xml.writeStartElement("component");
        xml.writeAttribute("typeCode", "COMP");
        xml.writeAttribute("contextConductionInd", "true");
        xml.writeStartElement("section");
        xml.writeAttribute("classCode", "DOCSECT");
        xml.writeAttribute("moodCode", "EVN");
        empty(xml, "templateId", "root", RESULTS_SECTION_TEMPLATE);
        empty(xml, "code", "code", "30954-2", "codeSystem", DkXdsCodes.LOINC, "codeSystemName", "LOINC",
                "displayName", "Relevant diagnostic tests and/or laboratory data");
        text(xml, "title", "Målinger");
        narrative(day);
        xml.writeStartElement("entry");
        xml.writeAttribute("typeCode", "COMP");
        xml.writeAttribute("contextConductionInd", "true");
        xml.writeStartElement("organizer");
        xml.writeAttribute("classCode", "CLUSTER");
        xml.writeAttribute("moodCode", "EVN");
        empty(xml, "templateId", "root", PHMR_RESULT_ORGANIZER_TEMPLATE);
        empty(xml, "statusCode", "code", "completed");
        for (Measurement measurement : day.measurements()) {
            observation(measurement);
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void narrative(MeasurementDay day) throws XMLStreamException {
        xml.writeStartElement("text");
        xml.writeStartElement("table");
        xml.writeStartElement("thead");
        xml.writeStartElement("tr");
        text(xml, "th", "Måling");
        text(xml, "th", "Værdi");
        text(xml, "th", "Enhed");
        text(xml, "th", "Tidspunkt");
        text(xml, "th", "Udført af");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("tbody");
        for (Measurement m : day.measurements()) {
            xml.writeStartElement("tr");
            xml.writeAttribute("ID", "m-" + m.resourceId());
            text(xml, "td", m.kind().danishName());
            text(xml, "td", m.value().toPlainString());
            text(xml, "td", m.unit());
            text(xml, "td", Hl7Time.readable(m.effective()));
            text(xml, "td", "Borger");
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void observation(Measurement m) throws XMLStreamException {
        xml.writeStartElement("component");
        xml.writeAttribute("typeCode", "COMP");
        xml.writeStartElement("observation");
        xml.writeAttribute("classCode", "OBS");
        xml.writeAttribute("moodCode", "EVN");
        empty(xml, "templateId", "root", PHMR_NUMERIC_OBSERVATION_TEMPLATE);
        // globally unique, and the same whenever the document is rebuilt: derived from the gateway's id
        empty(xml, "id", "root", DkXdsCodes.CDA_DOCUMENT_ID_ROOT, "extension",
                DeterministicIds.documentUuid("telma-observation", m.resourceId()).toString());
        empty(xml, "code", "code", m.kind().npuCode(), "codeSystem", DkXdsCodes.measurementCodeSystem(m.kind().npuCode()),
                "codeSystemName", m.kind().npuCode().startsWith("MCS") ? "MedCom analysis codes" : "NPU terminologien",
                "displayName", m.kind().npuDisplay());
        xml.writeStartElement("text");
        empty(xml, "reference", "value", "#m-" + m.resourceId());
        xml.writeEndElement();
        empty(xml, "statusCode", "code", "completed");
        empty(xml, "effectiveTime", "value", Hl7Time.ts(m.effective()));
        empty(xml, "value", "xsi:type", "PQ", "value", m.value().toPlainString(), "unit", m.unit());
        // Who performed the measurement: the citizen at home.
        empty(xml, "methodCode", "code", "POT", "codeSystem", MEDCOM_MESSAGE_CODES,
                "codeSystemName", "MedCom Message Codes", "displayName", "Målt af borger");
        xml.writeEndElement();
        xml.writeEndElement();
    }
}
