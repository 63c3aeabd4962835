package dk.eojxds.repository.documents;

import static dk.eojxds.repository.documents.CdaXml.empty;
import static dk.eojxds.repository.documents.CdaXml.start;
import static dk.eojxds.repository.documents.CdaXml.text;

import dk.eojxds.model.Code;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import dk.eojxds.repository.citizen.CitizenDemographics;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The CDA header the Danish profiles (PHMR-DK 2.1/1.3, QRD-DK 1.3.2) share, in CDA R2's element
 * order: templateIds, the id (root {@code 1.2.208.184}, assigningAuthorityName MedCom, a version 4
 * UUID), LOINC type, title, time, confidentiality N, da-DK; the citizen from the CPR lookup (name,
 * address; MedCom's ADRESSEBESKYTTET for a protected person; birthTime as {@code YYYYMMDD000000+0000},
 * CONF-DK 6-8); the citizen as author (role SELF, the measurements and answers are the citizen's own)
 * on behalf of the municipality; the municipality as custodian; optionally the municipality as
 * legal authenticator; then the documentationOf service events the profile asks for.
 *
 * @param serviceEventClass MPROT (PHMR's monitoring programme) or ACT (QRD)
 * @param serviceEvents     in the order the profile gives them (PHMR: period, version, codes; QRD:
 *                          version, period)
 */
public record CdaHeader(List<String> templateIds, String documentId, Code type, String title, Instant effective,
                 CitizenDemographics citizen, Organisation municipality, boolean legalAuthenticator,
                 String serviceEventClass, List<ServiceEvent> serviceEvents) {

    static final String SELF_ROLE_SYSTEM = "2.16.840.1.113883.5.111";
    static final String VERSION_TEMPLATE = "1.2.208.184.10.1.10";

    /** One documentationOf/serviceEvent: a period, a profile-version declaration or a code. */
    public record ServiceEvent(Instant low, Instant high, String profileVersion, Code code) {

        public static ServiceEvent period(Instant low, Instant high) {
            return new ServiceEvent(low, high, null, null);
        }

        public static ServiceEvent version(String profileVersion) {
            return new ServiceEvent(null, null, profileVersion, null);
        }

        public static ServiceEvent code(Code code) {
            return new ServiceEvent(null, null, null, code);
        }
    }

    public void write(XMLStreamWriter xml, String selfDisplay) throws XMLStreamException {
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
        CitizenDemographics shown = citizen.published();
        recordTarget(xml, shown);
        author(xml, shown, selfDisplay);
        custodian(xml);
        if (legalAuthenticator) {
            legalAuthenticator(xml);
        }
        for (ServiceEvent event : serviceEvents) {
            serviceEvent(xml, event);
        }
    }

    private void recordTarget(XMLStreamWriter xml, CitizenDemographics shown) throws XMLStreamException {
        start(xml, "recordTarget", "typeCode", "RCT", "contextControlCode", "OP");
        start(xml, "patientRole", "classCode", "PAT");
        cprId(xml);
        address(xml, shown, "H");
        // CPR holds no telephone or e-mail; the profiles require the element, so: no information
        empty(xml, "telecom", "nullFlavor", "NI");
        start(xml, "patient", "classCode", "PSN", "determinerCode", "INSTANCE");
        name(xml, shown);
        Cpr cpr = citizen.cpr();
        empty(xml, "administrativeGenderCode", "code", cpr.administrativeSex(), "codeSystem", "2.16.840.1.113883.5.1");
        empty(xml, "birthTime", "value", cpr.birthDate().toString().replace("-", "") + "000000+0000");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void author(XMLStreamWriter xml, CitizenDemographics shown, String selfDisplay) throws XMLStreamException {
        start(xml, "author", "typeCode", "AUT", "contextControlCode", "OP");
        empty(xml, "time", "value", Hl7Time.ts(effective));
        start(xml, "assignedAuthor", "classCode", "ASSIGNED");
        cprId(xml);
        empty(xml, "code", "code", "SELF", "codeSystem", SELF_ROLE_SYSTEM, "codeSystemName", "HL7 Role code",
                "displayName", selfDisplay);
        address(xml, shown, "H");
        empty(xml, "telecom", "nullFlavor", "NI");
        start(xml, "assignedPerson", "classCode", "PSN", "determinerCode", "INSTANCE");
        name(xml, shown);
        xml.writeEndElement();
        organisation(xml, "representedOrganization");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void custodian(XMLStreamWriter xml) throws XMLStreamException {
        start(xml, "custodian", "typeCode", "CST");
        start(xml, "assignedCustodian", "classCode", "ASSIGNED");
        organisation(xml, "representedCustodianOrganization");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void legalAuthenticator(XMLStreamWriter xml) throws XMLStreamException {
        start(xml, "legalAuthenticator", "typeCode", "LA", "contextControlCode", "OP");
        empty(xml, "time", "value", Hl7Time.ts(effective));
        // nobody signs by hand: the municipality answers for the data it delivered
        empty(xml, "signatureCode", "nullFlavor", "NI");
        start(xml, "assignedEntity", "classCode", "ASSIGNED");
        sorId(xml);
        empty(xml, "addr", "nullFlavor", "NI");
        empty(xml, "telecom", "nullFlavor", "NI");
        organisation(xml, "representedOrganization");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void serviceEvent(XMLStreamWriter xml, ServiceEvent event) throws XMLStreamException {
        start(xml, "documentationOf", "typeCode", "DOC");
        start(xml, "serviceEvent", "classCode", serviceEventClass, "moodCode", "EVN");
        if (event.profileVersion() != null) {
            empty(xml, "templateId", "root", VERSION_TEMPLATE);
            empty(xml, "id", "root", DkXdsCodes.FORMAT_CODE_SCHEME, "extension", event.profileVersion(),
                    "assigningAuthorityName", "MedCom");
        }
        if (event.code() != null) {
            empty(xml, "code", "code", event.code().code(), "codeSystem", event.code().schemeOid(),
                    "displayName", event.code().display());
        }
        if (event.low() != null) {
            xml.writeStartElement("effectiveTime");
            empty(xml, "low", "value", Hl7Time.ts(event.low()));
            empty(xml, "high", "value", Hl7Time.ts(event.high()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void cprId(XMLStreamWriter xml) throws XMLStreamException {
        empty(xml, "id", "extension", citizen.cpr().value(), "root", Cpr.OID, "assigningAuthorityName", "CPR");
    }

    private void sorId(XMLStreamWriter xml) throws XMLStreamException {
        empty(xml, "id", "extension", municipality.sor().value(), "root", SorCode.OID,
                "assigningAuthorityName", "SOR");
    }

    private static void name(XMLStreamWriter xml, CitizenDemographics shown) throws XMLStreamException {
        xml.writeStartElement("name");
        for (String given : shown.given()) {
            text(xml, "given", given);
        }
        text(xml, "family", shown.family());
        xml.writeEndElement();
    }

    private static void address(XMLStreamWriter xml, CitizenDemographics shown, String use) throws XMLStreamException {
        CitizenDemographics.Address address = shown.address();
        if (address == null) {
            empty(xml, "addr", "nullFlavor", "NI");
            return;
        }
        start(xml, "addr", "use", use);
        for (String line : address.lines()) {
            text(xml, "streetAddressLine", line);
        }
        text(xml, "postalCode", address.postalCode() == null ? "" : address.postalCode());
        text(xml, "city", address.city() == null ? "" : address.city());
        text(xml, "country", "Danmark");
        xml.writeEndElement();
    }

    /** The municipality by SOR; SOR reference data holds no address or telephone, so these are NI. */
    private void organisation(XMLStreamWriter xml, String element) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("classCode", "ORG");
        xml.writeAttribute("determinerCode", "INSTANCE");
        sorId(xml);
        text(xml, "name", municipality.name());
        // CDA R2 orders telecom before addr in both Organization and CustodianOrganization
        empty(xml, "telecom", "use", "WP", "nullFlavor", "NI");
        empty(xml, "addr", "use", "WP", "nullFlavor", "NI");
        xml.writeEndElement();
    }
}
