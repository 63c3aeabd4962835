package dk.eojxds.devstack.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.eojxds.devstack.DevStackApplication;
import dk.eojxds.dgws.CallerIdentity;
import dk.eojxds.dgws.DgwsNamespaces;
import dk.eojxds.dgws.DgwsVerifier;
import dk.eojxds.dgws.IdCardRequest;
import dk.eojxds.dgws.SecureXml;
import dk.eojxds.dgws.StsClient;
import dk.eojxds.dgws.SystemIdCards;
import dk.eojxds.dgws.SystemIdentity;
import dk.eojxds.dgws.TrustedIssuers;
import dk.eojxds.dgws.XmlElements;
import dk.eojxds.testsupport.contract.NspContracts;
import dk.eojxds.testsupport.sts.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;

/**
 * The outbound card over real HTTP: the test STS issues a card for a request signed with an
 * organisation certificate of its CA, signed so that the same verifier that guards ITI-43 accepts
 * it; a request signed by a stranger's certificate is refused with a SOAP fault.
 */
@SpringBootTest(classes = DevStackApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=dev-stack", "eojxds.simulator.enabled=false"})
class OutboundCardTest {

    @LocalServerPort
    int port;
    @Autowired
    TestSts sts;

    private StsClient client(TestCertificates.Credential organisation) {
        return new StsClient(URI.create("http://localhost:" + port + "/sts/services/NewSecurityTokenService"),
                new SystemIdentity("EOJ-XDS", "12345678", "Sundhedsdatastyrelsen (test)", organisation.key(),
                        organisation.certificate()), Duration.ofSeconds(10));
    }

    @Test
    void theStsIssuesACardTheDgwsVerifierAccepts() {
        SystemIdCards cards = new SystemIdCards(client(sts.organisation())::issue, Duration.ofMinutes(10),
                Clock.systemUTC());
        // as the registry receives them: serialised into a message and parsed again
        List<Element> sent = cards.soapHeaders();
        Element received = SecureXml.parse(("<h>" + SecureXml.serialise(sent.get(0)) + SecureXml.serialise(sent.get(1))
                + "</h>").getBytes(java.nio.charset.StandardCharsets.UTF_8)).getDocumentElement();
        List<Element> headers = List.of(XmlElements.child(received, sent.get(0).getNamespaceURI(), "Security"),
                XmlElements.child(received, DgwsNamespaces.MEDCOM, "Header"));
        CallerIdentity caller = new DgwsVerifier(TrustedIssuers.pinned(List.of(sts.signer().certificate())),
                Duration.ofMinutes(5), 3, Clock.systemUTC()).verify(headers.get(0), headers.get(1), Map.of());
        assertThat(caller.verified()).isTrue();
        assertThat(caller.itSystem()).isEqualTo("EOJ-XDS");
        assertThat(caller.organisationId()).isEqualTo("12345678");
        assertThat(XmlElements.child(headers.get(0), DgwsNamespaces.SAML, "Assertion")).isNotNull();
    }

    @Test
    void theRequestTheCardAndTheHeadersHaveDgwsPublishedStructure() throws Exception {
        SystemIdentity identity = new SystemIdentity("EOJ XDS", "12345678", "Sundhedsdatastyrelsen (test)",
                sts.organisation().key(), sts.organisation().certificate());
        Element requestCard = IdCardRequest.card(identity, Duration.ofHours(1)).getDocumentElement();
        assertThat(NspContracts.ID_CARD.violations(requestCard)).isEmpty();

        List<Element> sent = new SystemIdCards(client(sts.organisation())::issue, Duration.ofMinutes(10),
                Clock.systemUTC()).soapHeaders();
        assertThat(NspContracts.SECURITY.violations(sent.get(0))).isEmpty();
        assertThat(NspContracts.ID_CARD.violations(XmlElements.child(sent.get(0), DgwsNamespaces.SAML, "Assertion")))
                .isEmpty();
        assertThat(NspContracts.MEDCOM_HEADER.violations(sent.get(1))).isEmpty();

        // what a DDS caller presents on ITI-43, from the test STS as the local stack hands it out
        String headers = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/sts/soap-headers?level=4&role=7170")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Element parsed = SecureXml.parse(("<h>" + headers + "</h>").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getDocumentElement();
        Element security = XmlElements.child(parsed, DgwsNamespaces.WSSE, "Security");
        assertThat(NspContracts.SECURITY.violations(security)).isEmpty();
        Element card = XmlElements.child(security, DgwsNamespaces.SAML, "Assertion");
        assertThat(NspContracts.ID_CARD.violations(card)).isEmpty();
        assertThat(NspContracts.MEDCOM_HEADER.violations(XmlElements.child(parsed, DgwsNamespaces.MEDCOM, "Header")))
                .isEmpty();
        Element signature = XmlElements.child(card, DgwsVerifier.DSIG, "Signature");
        assertThat(signature.getAttribute("id")).isEqualTo("OCESSignature");
        assertThat(((Element) signature.getElementsByTagNameNS(DgwsVerifier.DSIG, "SignatureMethod").item(0))
                .getAttribute("Algorithm")).isEqualTo("http://www.w3.org/2000/09/xmldsig#rsa-sha1");
    }

    @Test
    void theRegistryStandInRefusesARegistrationWithoutACard() throws Exception {
        String envelope = """
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"
                               xmlns:wsa="http://www.w3.org/2005/08/addressing"><soap:Header>
                  <wsa:Action>urn:ihe:iti:2007:RegisterDocumentSet-b</wsa:Action>
                  <wsa:MessageID>urn:uuid:6a1f6c3e-2b7d-4c1e-9a51-1d7d2f0e9b11</wsa:MessageID>
                </soap:Header><soap:Body>
                  <lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0"/>
                </soap:Body></soap:Envelope>""";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/services/registry/iti42"))
                .header("Content-Type", "application/soap+xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(response.body()).contains("FailedAuthentication").contains("no wsse:Security header");
    }

    @Test
    void aRequestSignedByAnotherCasCertificateIsRefused() {
        TestCertificates.Credential stranger = TestCertificates.issuedBy(
                TestCertificates.certificateAuthority("CN=Other CA"), TestSts.ORGANISATION_SUBJECT);
        assertThatThrownBy(() -> client(stranger).issue()).isInstanceOf(StsClient.StsException.class)
                .hasMessageContaining("refused").hasMessageContaining("test CA");
    }
}
