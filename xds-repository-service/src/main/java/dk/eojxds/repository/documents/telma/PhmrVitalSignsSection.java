package dk.eojxds.repository.documents.telma;

import dk.eojxds.repository.documents.Hl7Time;
import static dk.eojxds.repository.documents.CdaXml.empty;
import static dk.eojxds.repository.documents.CdaXml.start;
import static dk.eojxds.repository.documents.CdaXml.text;

import dk.eojxds.model.Code;
import dk.eojxds.model.DeterministicIds;
import dk.eojxds.model.DkXdsCodes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The PHMR vital signs section (the home measurements are vital signs: blood pressure, pulse,
 * saturation, weight): a Danish table a person can read in any CDA viewer, and one organizer per
 * time of measurement holding a numeric observation per measurement (code, time, value, and the
 * two methodCodes: who measured, how the value was transferred).
 */
final class PhmrVitalSignsSection {

    private static final String VITAL_SIGNS_SECTION_TEMPLATE = "2.16.840.1.113883.10.20.1.16";
    private static final String VITAL_SIGNS_ORGANIZER_TEMPLATE = "2.16.840.1.113883.10.20.1.35";
    private static final String NUMERIC_OBSERVATION_TEMPLATE = "2.16.840.1.113883.10.20.9.8";

    private final XMLStreamWriter xml;
    private final PhmrRelease release;

    PhmrVitalSignsSection(XMLStreamWriter xml, PhmrRelease release) {
        this.xml = xml;
        this.release = release;
    }

    void write(MeasurementDay day) throws XMLStreamException {
        start(xml, "component", "typeCode", "COMP", "contextConductionInd", "true");
        start(xml, "section", "classCode", "DOCSECT", "moodCode", "EVN");
        empty(xml, "templateId", "root", VITAL_SIGNS_SECTION_TEMPLATE);
        empty(xml, "code", "code", "8716-3", "codeSystem", DkXdsCodes.LOINC, "codeSystemName", "LOINC",
                "displayName", "Vital signs");
        text(xml, "title", "Vitale værdier");
        narrative(day);
        Map<Instant, List<Measurement>> byTime = new TreeMap<>();
        for (Measurement m : day.measurements()) {
            byTime.computeIfAbsent(m.effective(), t -> new java.util.ArrayList<>()).add(m);
        }
        for (Map.Entry<Instant, List<Measurement>> group : byTime.entrySet()) {
            start(xml, "entry", "typeCode", "COMP", "contextConductionInd", "true");
            start(xml, "organizer", "classCode", "CLUSTER", "moodCode", "EVN");
            empty(xml, "templateId", "root", VITAL_SIGNS_ORGANIZER_TEMPLATE);
            empty(xml, "statusCode", "code", "completed");
            empty(xml, "effectiveTime", "value", Hl7Time.ts(group.getKey()));
            for (Measurement m : group.getValue()) {
                observation(m);
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void narrative(MeasurementDay day) throws XMLStreamException {
        xml.writeStartElement("text");
        start(xml, "table", "width", "100%");
        xml.writeStartElement("thead");
        xml.writeStartElement("tr");
        for (String heading : new String[] {"Måling", "Tidspunkt", "Værdi", "Målt af", "Indtastet af", "Status"}) {
            text(xml, "th", heading);
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("tbody");
        for (Measurement m : day.measurements()) {
            start(xml, "tr", "ID", "m-" + m.resourceId());
            text(xml, "td", m.kind().danishName());
            text(xml, "td", Hl7Time.readable(m.effective()));
            text(xml, "td", m.value().toPlainString() + " " + m.unit());
            text(xml, "td", m.method().performer().code.who());
            text(xml, "td", m.method().provision().code.who());
            text(xml, "td", "Afsluttet");
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void observation(Measurement m) throws XMLStreamException {
        start(xml, "component", "typeCode", "COMP", "contextConductionInd", "true");
        start(xml, "observation", "classCode", "OBS", "moodCode", "EVN");
        empty(xml, "templateId", "root", NUMERIC_OBSERVATION_TEMPLATE);
        // globally unique, and the same whenever the document is rebuilt: derived from the gateway's id
        empty(xml, "id", "root", DkXdsCodes.CDA_DOCUMENT_ID_ROOT, "extension",
                DeterministicIds.documentUuid("telma-observation", m.resourceId()).toString(),
                "assigningAuthorityName", "MedCom");
        Code code = release.measurementCode(m.kind());
        empty(xml, "code", "code", code.code(), "codeSystem", code.schemeOid(), "codeSystemName",
                DkXdsCodes.MEDCOM_ANALYSIS_CODES.equals(code.schemeOid()) ? "MedCom Measurement CodeSystem"
                        : "NPU terminologien", "displayName", code.display());
        xml.writeStartElement("text");
        empty(xml, "reference", "value", "#m-" + m.resourceId());
        xml.writeEndElement();
        empty(xml, "statusCode", "code", "completed");
        empty(xml, "effectiveTime", "value", Hl7Time.ts(m.effective()));
        empty(xml, "value", "xsi:type", "PQ", "value", m.value().toPlainString(), "unit", m.unit());
        for (MeasurementMethod.Code method : List.of(m.method().performer().code, m.method().provision().code)) {
            empty(xml, "methodCode", "code", method.code(), "codeSystem", MeasurementMethod.MEDCOM_MESSAGE_CODES,
                    "codeSystemName", "MedCom Message Codes", "displayName", method.display());
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

}
