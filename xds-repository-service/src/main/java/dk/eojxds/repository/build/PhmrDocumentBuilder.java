package dk.eojxds.repository.build;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
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
    private static final String HL7 = "urn:hl7-org:v3";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy",
            Locale.forLanguageTag("da-DK"));

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    static String title(MeasurementDay day) {
        return "Hjemmemålinger " + DANISH_DATE.format(day.day());
    }

    byte[] build(MeasurementDay day, String documentId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("ClinicalDocument");
            xml.writeDefaultNamespace(HL7);
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute("classCode", "DOCCLIN");
            xml.writeAttribute("moodCode", "EVN");
            header(xml, day, documentId);
            body(xml, day);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write PHMR document", e);
        }
        return out.toByteArray();
    }

    private void header(XMLStreamWriter xml, MeasurementDay day, String documentId) throws XMLStreamException {
        empty(xml, "realmCode", "code", "DK");
        empty(xml, "typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
        empty(xml, "templateId", "root", PHMR_TEMPLATE);
        empty(xml, "templateId", "root", PHMR_DK_TEMPLATE);
        empty(xml, "id", "root", DkXdsCodes.CDA_DOCUMENT_ID_ROOT, "extension", documentId,
                "assigningAuthorityName", "MedCom");
        empty(xml, "code", "code", DkXdsCodes.TYPE_PHMR.code(), "codeSystem", DkXdsCodes.LOINC,
                "codeSystemName", "LOINC", "displayName", DkXdsCodes.TYPE_PHMR.display());
        text(xml, "title", title(day));
        empty(xml, "effectiveTime", "value", Hl7Time.ts(day.dataAsOf()));
        empty(xml, "confidentialityCode", "code", "N", "codeSystem", DkXdsCodes.CONFIDENTIALITY_SCHEME);
        empty(xml, "languageCode", "code", DkXdsCodes.LANGUAGE_DANISH);
        recordTarget(xml, day.citizen());
        author(xml, day);
        custodian(xml, day.author());
        xml.writeStartElement("documentationOf");
        xml.writeStartElement("serviceEvent");
        xml.writeAttribute("classCode", "MPROT");
        xml.writeAttribute("moodCode", "EVN");
        xml.writeStartElement("effectiveTime");
        empty(xml, "low", "value", Hl7Time.ts(day.first()));
        empty(xml, "high", "value", Hl7Time.ts(day.last()));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void recordTarget(XMLStreamWriter xml, Cpr citizen) throws XMLStreamException {
        xml.writeStartElement("recordTarget");
        xml.writeAttribute("typeCode", "RCT");
        xml.writeAttribute("contextControlCode", "OP");
        xml.writeStartElement("patientRole");
        xml.writeAttribute("classCode", "PAT");
        empty(xml, "id", "extension", citizen.value(), "root", Cpr.OID, "assigningAuthorityName", "CPR");
        xml.writeStartElement("patient");
        xml.writeAttribute("classCode", "PSN");
        xml.writeAttribute("determinerCode", "INSTANCE");
        // The gateway carries no name; sex and birth date follow from the CPR number itself.
        boolean male = (citizen.value().charAt(9) - '0') % 2 == 1;
        empty(xml, "administrativeGenderCode", "code", male ? "M" : "F", "codeSystem", "2.16.840.1.113883.5.1");
        empty(xml, "birthTime", "value", citizen.birthDate().toString().replace("-", ""));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void author(XMLStreamWriter xml, MeasurementDay day) throws XMLStreamException {
        xml.writeStartElement("author");
        xml.writeAttribute("typeCode", "AUT");
        xml.writeAttribute("contextControlCode", "OP");
        empty(xml, "time", "value", Hl7Time.ts(day.dataAsOf()));
        xml.writeStartElement("assignedAuthor");
        xml.writeAttribute("classCode", "ASSIGNED");
        sorId(xml, day.author());
        organisation(xml, "representedOrganization", day.author());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void custodian(XMLStreamWriter xml, Organisation organisation) throws XMLStreamException {
        xml.writeStartElement("custodian");
        xml.writeAttribute("typeCode", "CST");
        xml.writeStartElement("assignedCustodian");
        xml.writeAttribute("classCode", "ASSIGNED");
        organisation(xml, "representedCustodianOrganization", organisation);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void organisation(XMLStreamWriter xml, String element, Organisation organisation)
            throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("classCode", "ORG");
        xml.writeAttribute("determinerCode", "INSTANCE");
        sorId(xml, organisation);
        text(xml, "name", organisation.name());
        xml.writeEndElement();
    }

    private void sorId(XMLStreamWriter xml, Organisation organisation) throws XMLStreamException {
        empty(xml, "id", "extension", organisation.sor().value(), "root", SorCode.OID, "assigningAuthorityName", "SOR");
    }

    private void body(XMLStreamWriter xml, MeasurementDay day) throws XMLStreamException {
        xml.writeStartElement("component");
        xml.writeStartElement("structuredBody");
        new PhmrResultsSection(xml).write(day);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    static void empty(XMLStreamWriter xml, String name, String... attributes) throws XMLStreamException {
        xml.writeEmptyElement(name);
        for (int i = 0; i < attributes.length; i += 2) {
            xml.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }

    static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
