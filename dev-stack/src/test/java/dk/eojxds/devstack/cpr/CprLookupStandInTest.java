package dk.eojxds.devstack.cpr;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.devstack.DevStackApplication;
import dk.eojxds.dgws.SecureXml;
import dk.eojxds.dgws.XmlElements;
import dk.eojxds.testsupport.contract.NspContracts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The CPR lookup stand-in over real HTTP, held to "Det Gode CPR-opslag" 1.0.4 as NSP publishes it
 * ({@link NspContracts}): its answers have the published element structure and DGWS headers, its
 * faults are DGWS faults; and, as on NSP, it answers only a request with a system ID card signed by
 * the test STS, in the service's namespace, with the operation's SOAPAction. The fault switches under
 * {@code /simulator/cpr/faults} are open, like every simulator control of the dev-stack, which is a
 * development stand-in and never deployed (docs/security.md).
 */
@SpringBootTest(classes = DevStackApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=dev-stack", "eojxds.simulator.enabled=false"})
class CprLookupStandInTest {

    private static final String CPR = "0101501234";
    private static final String LOOKUP = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>%s</soap:Header>
            <soap:Body><cpr:getPersonInformationIn xmlns:cpr="%s"
             xmlns:core="http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/03/18/">
            <core:PersonCivilRegistrationIdentifier>%s</core:PersonCivilRegistrationIdentifier>
            </cpr:getPersonInformationIn></soap:Body></soap:Envelope>""";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetFaults() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/simulator/cpr/faults")).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> lookUp(String headers, String namespace, String cpr, String soapAction)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + CprLookupStandIn.PATH)).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(LOOKUP.formatted(headers, namespace, cpr)));
        if (soapAction != null) {
            request.header("SOAPAction", "\"" + soapAction + "\"");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> lookUp(String cpr) throws Exception {
        return lookUp(systemCard(), NspContracts.CPR_SERVICE, cpr, NspContracts.CPR_SOAP_ACTION);
    }

    private String systemCard() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/sts/soap-headers?system=EOJ-XDS&cvr=33257872&organisation=Sundhedsdatastyrelsen")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private void control(String json) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/simulator/cpr/faults"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPersonIsAnsweredInThePublishedStructureWithDgwsHeaders() throws Exception {
        String card = systemCard();
        HttpResponse<String> answer = lookUp(card, NspContracts.CPR_SERVICE, CPR, NspContracts.CPR_SOAP_ACTION);

        assertThat(answer.statusCode()).isEqualTo(200);
        Document document = SecureXml.parse(answer.body().getBytes(StandardCharsets.UTF_8));
        Element out = body(document).get(0);
        assertThat(NspContracts.CPR_ANSWER.violations(out)).isEmpty();
        Element header = XmlElements.child(document.getDocumentElement(), CprLookupStandIn.SOAP, "Header");
        Element medcom = XmlElements.child(header, NspContracts.MEDCOM, "Header");
        assertThat(NspContracts.MEDCOM_HEADER.violations(medcom)).isEmpty();
        assertThat(NspContracts.SECURITY.violations(XmlElements.child(header, NspContracts.WSSE, "Security"))).isEmpty();
        // the answer names the request it answers
        String requestMessageId = card.replaceAll("(?s).*<medcom:MessageID>([^<]+)</medcom:MessageID>.*", "$1");
        assertThat(medcom.getTextContent()).contains(requestMessageId);
    }

    @Test
    void aProtectedPersonIsMarkedAsTheContractSays() throws Exception {
        control("{\"protect\":\"" + CPR + "\"}");
        String body = lookUp(CPR).body();
        assertThat(body).contains("PersonInformationProtectionIndicator>true<",
                "PersonInformationProtectionStartDate>2020-01-01<");
        assertThat(NspContracts.CPR_ANSWER.violations(body(SecureXml.parse(body.getBytes(StandardCharsets.UTF_8)))
                .get(0))).isEmpty();
    }

    @Test
    void anUnknownNumberIsAServerFaultIngenDataFundet() throws Exception {
        control("{\"unknown\":\"" + CPR + "\"}");
        HttpResponse<String> answer = lookUp(CPR);
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("<faultcode>soap:Server</faultcode>", "Ingen data fundet")
                .doesNotContain("PersonGivenName");
    }

    @Test
    void anOrganisationWithoutAccessGetsADgwsFaultNotAuthorized() throws Exception {
        control("{\"deny\":\"33257872\"}");
        HttpResponse<String> answer = lookUp(CPR);
        assertThat(answer.statusCode()).isEqualTo(500);
        assertDgwsFault(answer.body(), "not_authorized");
    }

    @Test
    void anAnonymousCallerGetsADgwsFaultAndNoPersonsData() throws Exception {
        HttpResponse<String> answer = lookUp("", NspContracts.CPR_SERVICE, CPR, NspContracts.CPR_SOAP_ACTION);
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("<faultcode>soap:Client</faultcode>").doesNotContain("PersonGivenName");
        assertDgwsFault(answer.body(), "missing_required_header");
    }

    @Test
    void aMadeUpIdCardIsRefusedToo() throws Exception {
        String forged = "<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" id=\"IDCard\"/></wsse:Security>"
                + "<medcom:Header xmlns:medcom=\"http://www.medcom.dk/dgws/2006/04/dgws-1.0.xsd\"/>";
        HttpResponse<String> answer = lookUp(forged, NspContracts.CPR_SERVICE, CPR, NspContracts.CPR_SOAP_ACTION);
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).doesNotContain("PersonGivenName");
        assertDgwsFault(answer.body(), "invalid_signature");
    }

    @Test
    void aRequestOutsideTheContractIsRefused() throws Exception {
        String card = systemCard();
        // the namespace this system used before it was held to the published WSDL
        HttpResponse<String> oldNamespace = lookUp(card, "http://rep.oio.dk/medcom.sundcom.dk/xml/wsdl/2007/06/28/",
                CPR, NspContracts.CPR_SOAP_ACTION);
        assertThat(oldNamespace.statusCode()).isEqualTo(500);
        assertDgwsFault(oldNamespace.body(), "syntax_error");
        HttpResponse<String> noAction = lookUp(systemCard(), NspContracts.CPR_SERVICE, CPR, null);
        assertThat(noAction.statusCode()).isEqualTo(500);
        assertThat(noAction.body()).contains("SOAPAction").doesNotContain("PersonGivenName");
    }

    @Test
    void theFaultSwitchesAreOpenLikeEverySimulatorControlAndDoWhatTheySay() throws Exception {
        control("{\"down\":true}");
        assertThat(lookUp(CPR).statusCode()).isEqualTo(503);
        resetFaults();
        assertThat(lookUp(CPR).statusCode()).isEqualTo(200);
    }

    private static java.util.List<Element> body(Document document) {
        Element body = XmlElements.child(document.getDocumentElement(), CprLookupStandIn.SOAP, "Body");
        return XmlElements.children(body, NspContracts.CPR_SERVICE, "getPersonInformationOut");
    }

    private static void assertDgwsFault(String answer, String code) {
        Document document = SecureXml.parse(answer.getBytes(StandardCharsets.UTF_8));
        Element fault = (Element) document.getElementsByTagNameNS(CprLookupStandIn.SOAP, "Fault").item(0);
        Element faultCode = XmlElements.child(XmlElements.child(fault, null, "detail"), NspContracts.MEDCOM,
                "FaultCode");
        assertThat(faultCode).as("medcom:FaultCode in the fault's detail").isNotNull();
        assertThat(NspContracts.DGWS_FAULT_CODE.violations(faultCode)).isEmpty();
        assertThat(faultCode.getTextContent()).isEqualTo(code);
    }
}
