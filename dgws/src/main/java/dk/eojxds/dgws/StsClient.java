package dk.eojxds.dgws;

import static dk.eojxds.dgws.DgwsNamespaces.WSSE;
import static dk.eojxds.dgws.DgwsNamespaces.WSU;

import dk.eojxds.model.LogSafe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Asks the STS for a system ID card: a WS-Trust (2005/02) Issue request, SOAP 1.1, whose Claims
 * carry the card this system signed with its organisation's certificate ({@link IdCardRequest});
 * the answer's RequestedSecurityToken is the card signed by the STS. Bounded in time; a SOAP fault
 * or anything but exactly one card is an {@link StsException} with the STS's reason.
 */
public final class StsClient {

    public static final String WST = "http://schemas.xmlsoap.org/ws/2005/02/trust";
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private static final int MAX_ANSWER_BYTES = 1 << 20;

    private final URI sts;
    private final SystemIdentity system;
    private final Duration timeout;
    private final HttpClient http;

    public StsClient(URI sts, SystemIdentity system, Duration timeout) {
        this.sts = sts;
        this.system = system;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** A card failing to be issued: the STS refused, answered nonsense or could not be reached. */
    public static final class StsException extends RuntimeException {
        public StsException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A system ID card signed by the STS, and when it stops being valid. */
    public record SystemIdCard(Document card, Instant notOnOrAfter) {
    }

    public SystemIdCard issue() {
        Document request = request(IdCardRequest.card(system, Duration.ofHours(24)));
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(sts).timeout(timeout)
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "\"" + WST + "/RST/Issue\"")
                    .POST(HttpRequest.BodyPublishers.ofString(SecureXml.serialise(request), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new StsException("the STS at " + sts + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StsException("interrupted while asking the STS", e);
        }
        if (response.body().length > MAX_ANSWER_BYTES) {
            throw new StsException("the STS answered more than " + MAX_ANSWER_BYTES + " bytes", null);
        }
        return card(response.statusCode(), response.body());
    }

    static SystemIdCard card(int status, byte[] body) {
        Document answer;
        try {
            answer = SecureXml.parse(body);
        } catch (IllegalArgumentException e) {
            throw new StsException("the STS answered HTTP " + status + " without a readable SOAP message", e);
        }
        NodeList faults = answer.getElementsByTagNameNS(SOAP11, "Fault");
        if (faults.getLength() > 0) {
            NodeList reason = ((Element) faults.item(0)).getElementsByTagName("faultstring");
            throw new StsException("the STS refused to issue an ID card: " + LogSafe.text(reason.getLength() > 0
                    ? reason.item(0).getTextContent() : "(no reason)"), null);
        }
        NodeList tokens = answer.getElementsByTagNameNS(WST, "RequestedSecurityToken");
        if (status != 200 || tokens.getLength() != 1) {
            throw new StsException("the STS answered HTTP " + status + " without exactly one RequestedSecurityToken", null);
        }
        Element assertion = XmlElements.child((Element) tokens.item(0), DgwsNamespaces.SAML, "Assertion");
        Element conditions = XmlElements.child(assertion, DgwsNamespaces.SAML, "Conditions");
        if (conditions == null) {
            throw new StsException("the STS answered no ID card with a validity window", null);
        }
        Document card = SecureXml.newDocument();
        card.appendChild(card.importNode(assertion, true));
        try {
            return new SystemIdCard(card, Instant.parse(conditions.getAttribute("NotOnOrAfter")));
        } catch (DateTimeParseException e) {
            throw new StsException("the ID card from the STS has an unreadable validity window", e);
        }
    }

    private Document request(Document signedCard) {
        Document document = SecureXml.newDocument();
        Element envelope = document.createElementNS(SOAP11, "soapenv:Envelope");
        document.appendChild(envelope);
        Element header = SecureXml.append(envelope, SOAP11, "soapenv:Header", null);
        Element security = SecureXml.append(header, WSSE, "wsse:Security", null);
        Element timestamp = SecureXml.append(security, WSU, "wsu:Timestamp", null);
        SecureXml.append(timestamp, WSU, "wsu:Created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Element body = SecureXml.append(envelope, SOAP11, "soapenv:Body", null);
        Element rst = SecureXml.append(body, WST, "wst:RequestSecurityToken", null);
        rst.setAttribute("Context", "www.sosi.dk");
        SecureXml.append(rst, WST, "wst:TokenType", "urn:oasis:names:tc:SAML:2.0:assertion:");
        SecureXml.append(rst, WST, "wst:RequestType", WST + "/Issue");
        Element claims = SecureXml.append(rst, WST, "wst:Claims", null);
        claims.appendChild(document.importNode(signedCard.getDocumentElement(), true));
        Element issuer = SecureXml.append(rst, WST, "wst:Issuer", null);
        SecureXml.append(issuer, WSA, "wsa:Address", system.itSystem());
        return document;
    }

}
