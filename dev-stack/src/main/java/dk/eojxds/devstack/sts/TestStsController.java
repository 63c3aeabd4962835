package dk.eojxds.devstack.sts;

import dk.eojxds.dgws.DgwsNamespaces;
import dk.eojxds.dgws.DgwsRejection;
import dk.eojxds.dgws.DgwsVerifier;
import dk.eojxds.dgws.IdCardSignature;
import dk.eojxds.dgws.SecureXml;
import dk.eojxds.dgws.StsClient;
import dk.eojxds.dgws.XmlElements;
import dk.eojxds.model.LogSafe;
import dk.eojxds.testsupport.sts.IdCardIssuer;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The test STS's endpoints. {@code POST /sts/services/NewSecurityTokenService} (the national SOSI
 * STS's path; the older {@code /sts/services/SecurityTokenService} answers alike) is a WS-Trust Issue:
 * the request's Claims carry a system ID card signed with an organisation certificate of the test
 * CA; the answer is the same card signed by the STS (what registry-adapter presents to the registry
 * stand-in). {@code GET /sts/soap-headers} gives the SOAP headers (wsse:Security with a fresh card,
 * and medcom:Header) to paste into an ITI-43 request; {@code GET /sts/ca.pem} the CA certificate.
 * Never for production.
 */
@RestController
class TestStsController {

    private static final Logger log = LoggerFactory.getLogger(TestStsController.class);

    private final TestSts sts;

    TestStsController(TestSts sts) {
        this.sts = sts;
    }

    @GetMapping(path = "/sts/ca.pem", produces = "application/x-pem-file")
    String caPem() {
        return sts.ca().certificatePem();
    }

    /**
     * EOJ-XDS's own test organisation certificate and key, for a local stack whose services cannot
     * share the dev-stack's files (the local Kubernetes overlay fetches them at start). A test
     * credential made at this start, never a real one: the dev-stack is never deployed to production.
     */
    @GetMapping(path = "/sts/organisation.crt", produces = "application/x-pem-file")
    String organisationCertificate() {
        return sts.organisation().certificatePem();
    }

    @GetMapping(path = "/sts/organisation.key", produces = "application/x-pem-file")
    String organisationKey() {
        return sts.organisation().privateKeyPem();
    }

    @GetMapping(path = "/sts/soap-headers", produces = MediaType.APPLICATION_XML_VALUE)
    String soapHeaders(@RequestParam(defaultValue = "Sundhed.dk") String system,
                       @RequestParam(defaultValue = "33257872") String cvr,
                       @RequestParam(defaultValue = "Sundhed.dk") String organisation,
                       @RequestParam(defaultValue = "3") int level,
                       @RequestParam(required = false) String role,
                       @RequestParam(required = false) String userSor) {
        IdCardIssuer.Card card = IdCardIssuer.Card.system(system, cvr, organisation).level(level);
        return sts.issuer().soapHeaders(role == null ? card : card.user(role, userSor));
    }

    @PostMapping(path = {"/sts/services/NewSecurityTokenService", "/sts/services/SecurityTokenService"},
            produces = MediaType.TEXT_XML_VALUE)
    ResponseEntity<String> issue(@RequestBody byte[] body) {
        try {
            Document request = SecureXml.parse(body);
            NodeList claims = request.getElementsByTagNameNS(StsClient.WST, "Claims");
            Element card = claims.getLength() == 1
                    ? XmlElements.child((Element) claims.item(0), DgwsNamespaces.SAML, "Assertion") : null;
            if (card == null) {
                throw new DgwsRejection("the request carries no ID card in wst:Claims");
            }
            X509Certificate signer = IdCardSignature.verify(card);
            checkIssuedByTestCa(signer);
            Map<String, String> attributes = DgwsVerifier.signedAttributes(card);
            IdCardIssuer.Card issued = IdCardIssuer.Card.system(attributes.get("medcom:ITSystemName"),
                    attributes.get("medcom:CareProviderID"), attributes.get("medcom:CareProviderName"));
            log.info("Test STS issued a system ID card to {} ({})", issued.itSystem(), issued.cvr());
            return ResponseEntity.ok(envelope("<wst:RequestSecurityTokenResponse xmlns:wst=\"" + StsClient.WST
                    + "\" Context=\"www.sosi.dk\"><wst:TokenType>urn:oasis:names:tc:SAML:2.0:assertion:</wst:TokenType>"
                    + "<wst:RequestedSecurityToken>" + sts.issuer().assertion(issued) + "</wst:RequestedSecurityToken>"
                    + "<wst:Status><wst:Code>" + StsClient.WST + "/status/valid</wst:Code></wst:Status>"
                    + "<wst:Issuer><wsa:Address xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">"
                    + "TEST-NSP-STS</wsa:Address></wst:Issuer></wst:RequestSecurityTokenResponse>"));
        } catch (DgwsRejection | IllegalArgumentException e) {
            log.warn("Test STS refused an ID card request: {}", LogSafe.text(e.getMessage()));
            return ResponseEntity.internalServerError().contentType(MediaType.TEXT_XML)
                    .body(envelope("<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>"
                            + escape(e.getMessage()) + "</faultstring></soapenv:Fault>"));
        }
    }

    private void checkIssuedByTestCa(X509Certificate signer) {
        try {
            signer.checkValidity();
            signer.verify(sts.ca().certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new DgwsRejection("the request is not signed by an organisation certificate of the test CA");
        }
    }

    private static String envelope(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
