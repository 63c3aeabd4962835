package dk.eojxds.repository.citizen;

import static dk.eojxds.dgws.DgwsNamespaces.MEDCOM;

import dk.eojxds.dgws.SecureXml;
import dk.eojxds.dgws.SystemIdCards;
import dk.eojxds.dgws.XmlElements;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.LogSafe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * NSP's "Det Gode CPR-opslag" (version 1.0.4 unless configured), operation
 * {@code getPersonInformation}, as its WSDL publishes it: SOAP 1.1, SOAPAction
 * {@code http://rep.oio.dk/medcom.sundcom.dk/xml/wsdl/2007/06/28/getPersonInformation}, the body
 * {@code getPersonInformationIn} in {@code urn:oio:medcom:cprservice:<version>} holding one
 * {@code PersonCivilRegistrationIdentifier}, and the DGWS header (a system ID card from the STS and a
 * medcom:Header). {@code getPersonInformation} and not {@code getPersonWithHealthCareInformation}:
 * the documents need the name, the address and the protection, not the GP. The answer is read in
 * the published structure (PersonInformationStructure: RegularCPRPerson's name and protection
 * indicator, PersonAddressStructure's postal address and protection date). Faults: "Ingen data
 * fundet" (the number is unknown) and an invalid identifier are an {@link UnknownCitizenException};
 * a refused card or access ({@code medcom:FaultCode}) and everything else are the lookup being
 * unavailable. See docs/documents.md, "Citizen demographics", and docs/security.md.
 */
final class NspCprLookup implements CitizenDirectory {

    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP_ACTION = "http://rep.oio.dk/medcom.sundcom.dk/xml/wsdl/2007/06/28/getPersonInformation";
    static final String CPR_CORE = "http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/03/18/";

    private final URI endpoint;
    private final String service;
    private final Duration timeout;
    private final SystemIdCards cards;
    private final HttpClient http;

    /**
     * @param version the service version, which names its namespace ({@code urn:oio:medcom:cprservice:<version>})
     * @param cards   null only when DGWS is switched off for local development
     */
    NspCprLookup(URI endpoint, String version, Duration timeout, SystemIdCards cards) {
        this.endpoint = endpoint;
        this.service = "urn:oio:medcom:cprservice:" + version;
        this.timeout = timeout;
        this.cards = cards;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public CitizenDemographics lookUp(Cpr cpr) {
        HttpResponse<byte[]> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "\"" + SOAP_ACTION + "\"")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request(cpr))).build();
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | RuntimeException e) {
            throw new CitizenLookupUnavailable("the CPR lookup did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CitizenLookupUnavailable("interrupted while waiting for the CPR lookup", e);
        }
        Document answer;
        try {
            answer = SecureXml.parse(response.body());
        } catch (IllegalArgumentException e) {
            throw new CitizenLookupUnavailable("the CPR lookup answered HTTP " + response.statusCode()
                    + " with something that is not XML", e);
        }
        Element body = XmlElements.child(answer.getDocumentElement(), SOAP, "Body");
        Element fault = body == null ? null : XmlElements.child(body, SOAP, "Fault");
        if (fault != null) {
            throw refusal(cpr, fault);
        }
        Element out = body == null ? null : XmlElements.child(body, service, "getPersonInformationOut");
        if (response.statusCode() != 200 || out == null) {
            throw new CitizenLookupUnavailable("the CPR lookup answered HTTP " + response.statusCode()
                    + " without a getPersonInformationOut in " + service, null);
        }
        return read(cpr, out);
    }

    // "Ingen data fundet" is NSP's answer for a number CPR does not hold; a number the service's
    // schema refuses will not become valid by asking again either
    private static RuntimeException refusal(Cpr cpr, Element fault) {
        String reason = childText(fault, "faultstring");
        String dgwsCode = null;
        Element detail = XmlElements.child(fault, null, "detail");
        if (detail != null && XmlElements.child(detail, MEDCOM, "FaultCode") != null) {
            dgwsCode = XmlElements.child(detail, MEDCOM, "FaultCode").getTextContent().strip();
        }
        if (dgwsCode == null && reason != null && (reason.contains("Ingen data fundet")
                || reason.contains("'PersonCivilRegistrationIdentifier' is not valid"))) {
            return new UnknownCitizenException("CPR does not know " + cpr.masked());
        }
        return new CitizenLookupUnavailable("the CPR lookup refused the call: " + LogSafe.text(reason)
                + (dgwsCode == null ? "" : " (" + LogSafe.text(dgwsCode) + ")"), null);
    }

    private byte[] request(Cpr cpr) {
        Document document = SecureXml.newDocument();
        Element envelope = document.createElementNS(SOAP, "soap:Envelope");
        document.appendChild(envelope);
        Element header = SecureXml.append(envelope, SOAP, "soap:Header", null);
        if (cards != null) {
            for (Element block : cards.soapHeaders()) {
                header.appendChild(document.importNode(block, true));
            }
        }
        Element body = SecureXml.append(envelope, SOAP, "soap:Body", null);
        Element in = SecureXml.append(body, service, "cpr:getPersonInformationIn", null);
        SecureXml.append(in, CPR_CORE, "core:PersonCivilRegistrationIdentifier", cpr.value());
        return SecureXml.serialise(document).getBytes(StandardCharsets.UTF_8);
    }

    static CitizenDemographics read(Cpr cpr, Element answer) {
        List<String> given = new ArrayList<>();
        addIfPresent(given, text(answer, "PersonGivenName"));
        addIfPresent(given, text(answer, "PersonMiddleName"));
        String family = text(answer, "PersonSurnameName");
        if (given.isEmpty() && family == null) {
            throw new UnknownCitizenException("the CPR lookup's answer for " + cpr.masked() + " carries no name");
        }
        List<String> lines = new ArrayList<>();
        String street = join(text(answer, "StreetName"), text(answer, "StreetBuildingIdentifier"));
        addIfPresent(lines, join(street, join(text(answer, "FloorIdentifier"), text(answer, "SuiteIdentifier"))));
        String postalCode = text(answer, "PostCodeIdentifier");
        String city = text(answer, "DistrictName");
        CitizenDemographics.Address address = lines.isEmpty() && postalCode == null ? null
                : new CitizenDemographics.Address(lines, postalCode, city);
        String protection = text(answer, "PersonInformationProtectionIndicator");
        boolean isProtected = "true".equalsIgnoreCase(protection) || "1".equals(protection)
                || text(answer, "PersonInformationProtectionStartDate") != null;
        return new CitizenDemographics(cpr, given, family, address, isProtected);
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + " " + b;
    }

    private static Element first(Element scope, String localName) {
        NodeList nodes = scope.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String childText(Element parent, String localName) {
        Element child = XmlElements.child(parent, null, localName);
        return child == null ? null : child.getTextContent().strip();
    }

    private static String text(Element scope, String localName) {
        Node node = first(scope, localName);
        if (node == null) {
            return null;
        }
        String text = node.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }
}
