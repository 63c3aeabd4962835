package dk.eojxds.repository.citizen;

import dk.eojxds.dgws.SecureXml;
import dk.eojxds.dgws.SystemIdCards;
import dk.eojxds.model.Cpr;
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
 * The CPR lookup on NSP over SOAP 1.1 with a DGWS header (a system ID card from the STS and a
 * medcom:Header), asking for one person by CPR number. The answer is read by element local names
 * of the OIO CPR vocabulary (PersonGivenName, PersonMiddleName, PersonSurnameName, the address
 * parts, the protection indicator), so namespace versions of the same vocabulary all read alike.
 * The dev-stack's stand-in speaks the same. See docs/documents.md, "Citizen demographics".
 */
final class NspCprLookup implements CitizenDirectory {

    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SERVICE = "http://rep.oio.dk/medcom.sundcom.dk/xml/wsdl/2007/06/28/";
    static final String CPR_CORE = "http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/03/18/";

    private final URI endpoint;
    private final Duration timeout;
    private final SystemIdCards cards;
    private final HttpClient http;

    /** @param cards null only when DGWS is switched off for local development */
    NspCprLookup(URI endpoint, Duration timeout, SystemIdCards cards) {
        this.endpoint = endpoint;
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
                    .header("SOAPAction", "\"http://rep.oio.dk/medcom.sundcom.dk/xml/wsdl/2007/06/28/getPersonInformation\"")
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
        if (first(answer, "Fault") != null) {
            String fault = text(answer, "faultstring");
            if (response.statusCode() == 500 && fault != null && fault.toLowerCase().contains("not found")) {
                throw new UnknownCitizenException("CPR does not know " + cpr.masked());
            }
            throw new CitizenLookupUnavailable("the CPR lookup refused the call: " + fault, null);
        }
        if (response.statusCode() != 200) {
            throw new CitizenLookupUnavailable("the CPR lookup answered HTTP " + response.statusCode(), null);
        }
        return read(cpr, answer);
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
        Element in = SecureXml.append(body, SERVICE, "cpr:getPersonInformationIn", null);
        SecureXml.append(in, CPR_CORE, "core:PersonCivilRegistrationIdentifier", cpr.value());
        return SecureXml.serialise(document).getBytes(StandardCharsets.UTF_8);
    }

    static CitizenDemographics read(Cpr cpr, Document answer) {
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

    private static Element first(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String text(Document document, String localName) {
        Node node = first(document, localName);
        if (node == null) {
            return null;
        }
        String text = node.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }
}
