package dk.eojxds.repository.build;

import static dk.eojxds.repository.build.CdaXml.empty;
import static dk.eojxds.repository.build.CdaXml.text;

import dk.eojxds.model.Code;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The CDA header the Danish profiles (PHMR-DK, QRD-DK) share: templateIds, id with root
 * {@code 1.2.208.184}, LOINC type, title, time, confidentiality, language, the citizen by CPR, the
 * municipality by SOR as author and custodian, and the period of the service event.
 */
record CdaHeader(List<String> templateIds, String documentId, Code type, String title, Instant effective, Cpr citizen,
                 Organisation author, Instant serviceStart, Instant serviceStop) {

    void write(XMLStreamWriter xml) throws XMLStreamException {
        empty(xml, "realmCode", "code", "DK");
        empty(xml, "typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
        for (String templateId : templateIds) {
            empty(xml, "templateId", "root", templateId);
        }
        empty(xml, "id", "root", DkXdsCodes.CDA_DOCUMENT_ID_ROOT, "extension", documentId,
                "assigningAuthorityName", "MedCom");
        empty(xml, "code", "code", type.code(), "codeSystem", DkXdsCodes.LOINC, "codeSystemName", "LOINC",
                "displayName", type.display());
        text(xml, "title", title);
        empty(xml, "effectiveTime", "value", Hl7Time.ts(effective));
        empty(xml, "confidentialityCode", "code", "N", "codeSystem", DkXdsCodes.CONFIDENTIALITY_SCHEME);
        empty(xml, "languageCode", "code", DkXdsCodes.LANGUAGE_DANISH);
        recordTarget(xml);
        author(xml);
        custodian(xml);
        xml.writeStartElement("documentationOf");
        xml.writeStartElement("serviceEvent");
        xml.writeAttribute("classCode", "MPROT");
        xml.writeAttribute("moodCode", "EVN");
        xml.writeStartElement("effectiveTime");
        empty(xml, "low", "value", Hl7Time.ts(serviceStart));
        empty(xml, "high", "value", Hl7Time.ts(serviceStop));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void recordTarget(XMLStreamWriter xml) throws XMLStreamException {
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
        empty(xml, "administrativeGenderCode", "code", citizen.administrativeSex(), "codeSystem", "2.16.840.1.113883.5.1");
        empty(xml, "birthTime", "value", citizen.birthDate().toString().replace("-", ""));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void author(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("author");
        xml.writeAttribute("typeCode", "AUT");
        xml.writeAttribute("contextControlCode", "OP");
        empty(xml, "time", "value", Hl7Time.ts(effective));
        xml.writeStartElement("assignedAuthor");
        xml.writeAttribute("classCode", "ASSIGNED");
        sorId(xml, author);
        organisation(xml, "representedOrganization", author);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void custodian(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("custodian");
        xml.writeAttribute("typeCode", "CST");
        xml.writeStartElement("assignedCustodian");
        xml.writeAttribute("classCode", "ASSIGNED");
        organisation(xml, "representedCustodianOrganization", author);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void organisation(XMLStreamWriter xml, String element, Organisation organisation)
            throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("classCode", "ORG");
        xml.writeAttribute("determinerCode", "INSTANCE");
        sorId(xml, organisation);
        text(xml, "name", organisation.name());
        xml.writeEndElement();
    }

    private static void sorId(XMLStreamWriter xml, Organisation organisation) throws XMLStreamException {
        empty(xml, "id", "extension", organisation.sor().value(), "root", SorCode.OID, "assigningAuthorityName", "SOR");
    }
}
