package dk.eojxds.devstack.cpr;

import dk.eojxds.dgws.DgwsNamespaces;
import dk.eojxds.dgws.XmlElements;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Element;

/**
 * What the CPR lookup stand-in answers, in the element structure "Det Gode CPR-opslag" 1.0.4
 * publishes for {@code getPersonInformationOut} (PersonInformationStructure: the person, then the
 * address) with the DGWS headers of an answer, and DGWS faults.
 */
final class CprAnswers {

    private static final String WSSE = DgwsNamespaces.WSSE;
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String NAMESPACES = " xmlns:cpr=\"" + CprLookupStandIn.SERVICE + "\""
            + " xmlns:core=\"" + CprLookupStandIn.CORE + "\""
            + " xmlns:cpr05=\"http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/11/24/\""
            + " xmlns:cpr06=\"http://rep.oio.dk/cpr.dk/xml/schemas/core/2006/01/17/\""
            + " xmlns:cpr0609=\"http://rep.oio.dk/cpr.dk/xml/schemas/core/2006/09/01/\""
            + " xmlns:itst=\"http://rep.oio.dk/itst.dk/xml/schemas/2006/01/17/\""
            + " xmlns:dkcc=\"http://rep.oio.dk/ebxml/xml/schemas/dkcc/2003/02/13/\""
            + " xmlns:dkcc05=\"http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/03/15/\"";
    private static final List<String> GIVEN = List.of("Karen", "Jens", "Mette", "Søren", "Inge", "Ole", "Birthe", "Åge");
    private static final List<String> FAMILY = List.of("Jensen", "Nielsen", "Hansen", "Pedersen", "Ærøbo", "Østergaard");
    private static final List<String> STREETS = List.of("Vestergade", "Søndergade", "Åboulevarden", "Kirkevej", "Møllevej");

    private CprAnswers() {
    }

    /** The MessageID of the request's medcom:Header, which the answer names in InResponseToMessageID. */
    static String messageId(Element medcomHeader) {
        Element linking = medcomHeader == null ? null : XmlElements.child(medcomHeader, DgwsNamespaces.MEDCOM, "Linking");
        Element id = linking == null ? null : XmlElements.child(linking, DgwsNamespaces.MEDCOM, "MessageID");
        return id == null ? null : id.getTextContent().strip();
    }

    static String person(String cpr, boolean isProtected, String inResponseTo, Instant now, String messageId) {
        int seed = Math.abs(cpr.hashCode());
        LocalDate birth = birthDate(cpr);
        String building = Integer.toString(1 + seed % 90);
        String protection = isProtected
                ? "<cpr0609:PersonInformationProtectionStartDate>2020-01-01</cpr0609:PersonInformationProtectionStartDate>"
                : "";
        String body = "<cpr:getPersonInformationOut" + NAMESPACES + "><cpr:PersonInformationStructure>"
                + "<cpr:RegularCPRPerson><cpr:SimpleCPRPerson><itst:PersonNameStructure>"
                + "<dkcc:PersonGivenName>" + GIVEN.get(seed % GIVEN.size()) + "</dkcc:PersonGivenName>"
                + "<dkcc:PersonSurnameName>" + FAMILY.get((seed / 7) % FAMILY.size()) + "</dkcc:PersonSurnameName>"
                + "</itst:PersonNameStructure>"
                + "<core:PersonCivilRegistrationIdentifier>" + cpr + "</core:PersonCivilRegistrationIdentifier>"
                + "</cpr:SimpleCPRPerson>"
                + "<dkcc:PersonGenderCode>" + ((cpr.charAt(9) - '0') % 2 == 1 ? "male" : "female")
                + "</dkcc:PersonGenderCode>"
                + "<cpr05:PersonInformationProtectionIndicator>" + isProtected
                + "</cpr05:PersonInformationProtectionIndicator>"
                + "<cpr05:PersonBirthDateStructure><dkcc05:BirthDate>" + birth + "</dkcc05:BirthDate>"
                + "<cpr05:BirthDateUncertaintyIndicator>false</cpr05:BirthDateUncertaintyIndicator>"
                + "</cpr05:PersonBirthDateStructure>"
                + "<cpr:PersonCivilRegistrationStatusStructure>"
                + "<cpr:PersonCivilRegistrationStatusCode>01</cpr:PersonCivilRegistrationStatusCode>"
                + "<cpr06:PersonCivilRegistrationStatusStartDate>" + birth + "</cpr06:PersonCivilRegistrationStatusStartDate>"
                + "</cpr:PersonCivilRegistrationStatusStructure></cpr:RegularCPRPerson>"
                + "<cpr:PersonAddressStructure><cpr:AddressComplete><cpr:AddressAccess>"
                + "<core:MunicipalityCode>0751</core:MunicipalityCode><core:StreetCode>" + (1000 + seed % 9000)
                + "</core:StreetCode><dkcc:StreetBuildingIdentifier>" + building + "</dkcc:StreetBuildingIdentifier>"
                + "</cpr:AddressAccess><cpr:AddressPostal>"
                + "<dkcc05:StreetName>" + STREETS.get((seed / 11) % STREETS.size()) + "</dkcc05:StreetName>"
                + "<dkcc:StreetBuildingIdentifier>" + building + "</dkcc:StreetBuildingIdentifier>"
                + "<dkcc05:PostCodeIdentifier>" + (5000 + seed % 900) + "</dkcc05:PostCodeIdentifier>"
                + "<dkcc05:DistrictName>Testby</dkcc05:DistrictName>"
                + "</cpr:AddressPostal></cpr:AddressComplete>" + protection
                + "<cpr:CountyCode>1083</cpr:CountyCode></cpr:PersonAddressStructure>"
                + "</cpr:PersonInformationStructure></cpr:getPersonInformationOut>";
        return envelope(headers(inResponseTo, now, messageId), body);
    }

    /** A DGWS fault (HTTP 500): the code, the reason, and {@code medcom:FaultCode} when there is one. */
    static ResponseEntity<String> fault(String code, String reason, String dgwsFaultCode, String inResponseTo) {
        String detail = dgwsFaultCode == null ? "" : "<detail><medcom:FaultCode xmlns:medcom=\"" + DgwsNamespaces.MEDCOM
                + "\">" + dgwsFaultCode + "</medcom:FaultCode></detail>";
        String body = "<soap:Fault><faultcode>" + code + "</faultcode><faultstring>" + escape(reason)
                + "</faultstring>" + detail + "</soap:Fault>";
        return ResponseEntity.status(500).contentType(MediaType.TEXT_XML)
                .body(envelope(headers(inResponseTo, Instant.now(), UUID.randomUUID().toString()), body));
    }

    private static String headers(String inResponseTo, Instant now, String messageId) {
        return "<wsse:Security xmlns:wsse=\"" + WSSE + "\" xmlns:wsu=\"" + WSU + "\"><wsu:Timestamp><wsu:Created>"
                + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "</wsu:Created></wsu:Timestamp>"
                + "</wsse:Security><medcom:Header xmlns:medcom=\"" + DgwsNamespaces.MEDCOM + "\">"
                + "<medcom:SecurityLevel>3</medcom:SecurityLevel><medcom:Linking><medcom:MessageID>" + messageId
                + "</medcom:MessageID>" + (inResponseTo == null ? "" : "<medcom:InResponseToMessageID>"
                + escape(inResponseTo) + "</medcom:InResponseToMessageID>") + "</medcom:Linking>"
                + "<medcom:FlowStatus>flow_finalized_succesfully</medcom:FlowStatus></medcom:Header>";
    }

    private static String envelope(String headers, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + CprLookupStandIn.SOAP
                + "\"><soap:Header>" + headers + "</soap:Header><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    // DDMMYY and the century from the seventh digit (CPR's rule)
    private static LocalDate birthDate(String cpr) {
        int day = Integer.parseInt(cpr.substring(0, 2));
        int month = Integer.parseInt(cpr.substring(2, 4));
        int year = Integer.parseInt(cpr.substring(4, 6));
        int seventh = cpr.charAt(6) - '0';
        int century = seventh <= 3 ? 1900 : (seventh == 4 || seventh == 9) ? (year <= 36 ? 2000 : 1900)
                : (year <= 57 ? 2000 : 1800);
        return LocalDate.of(century + year, month, day);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
