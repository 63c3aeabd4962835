package dk.eojxds.devstack.cpr;

import dk.eojxds.devstack.sts.TestSts;
import dk.eojxds.dgws.DgwsFaultCode;
import dk.eojxds.dgws.DgwsNamespaces;
import dk.eojxds.dgws.DgwsRejection;
import dk.eojxds.dgws.DgwsVerifier;
import dk.eojxds.dgws.SecureXml;
import dk.eojxds.dgws.XmlElements;
import dk.eojxds.model.Cpr;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A stand-in for NSP's "Det Gode CPR-opslag" 1.0.4, operation {@code getPersonInformation}, as its
 * WSDL publishes it (docs/security.md, "NSP calls and their contracts"): SOAP 1.1 at
 * {@code /stamdata-cpr-ws/service/DetGodeCPROpslag-1.0.4}, SOAPAction
 * {@code http://rep.oio.dk/medcom.sundcom.dk/xml/wsdl/2007/06/28/getPersonInformation}, the body
 * {@code getPersonInformationIn} in {@code urn:oio:medcom:cprservice:1.0.4}, and a DGWS header with
 * a system ID card signed by the test STS (as on NSP, level 3). It answers a made-up but stable
 * {@code PersonInformationStructure} for every valid CPR number, with the answer's own DGWS
 * headers; faults as DGWS services give them: {@code soap:Client} with {@code medcom:FaultCode} in
 * the detail for a refused card or a CVR not allowed, {@code soap:Server} "Ingen data fundet" for a
 * CPR number it does not know.
 *
 * <p>For demonstrations and tests: {@code POST /simulator/cpr/faults} with {@code {"down":true}}
 * makes it answer 503, {@code {"protect":"<cpr>"}} gives that person name and address protection,
 * {@code {"unknown":"<cpr>"}} makes that number unknown, {@code {"deny":"<cvr>"}} refuses that
 * organisation; {@code DELETE /simulator/cpr/faults} resets all of them.
 */
@RestController
class CprLookupStandIn {

    static final String PATH = "/stamdata-cpr-ws/service/DetGodeCPROpslag-1.0.4";
    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SERVICE = "urn:oio:medcom:cprservice:1.0.4";
    static final String SOAP_ACTION = "http://rep.oio.dk/medcom.sundcom.dk/xml/wsdl/2007/06/28/getPersonInformation";
    static final String CORE = "http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/03/18/";

    private final DgwsVerifier verifier;
    private final AtomicBoolean down = new AtomicBoolean();
    private final Set<String> protectedPersons = ConcurrentHashMap.newKeySet();
    private final Set<String> unknownPersons = ConcurrentHashMap.newKeySet();
    private final Set<String> deniedOrganisations = ConcurrentHashMap.newKeySet();

    CprLookupStandIn(TestSts sts) {
        this.verifier = sts.verifier();
    }

    @PostMapping(path = PATH, produces = MediaType.TEXT_XML_VALUE)
    ResponseEntity<String> lookUp(@RequestBody byte[] body,
                                  @RequestHeader(name = "SOAPAction", required = false) String soapAction) {
        if (down.get()) {
            return ResponseEntity.status(503).contentType(MediaType.TEXT_PLAIN).body("CPR lookup unavailable");
        }
        Document request;
        try {
            request = SecureXml.parse(body);
        } catch (IllegalArgumentException e) {
            return CprAnswers.fault("soap:Client", "not well-formed XML", DgwsFaultCode.syntax_error.name(), null);
        }
        if (soapAction == null || !SOAP_ACTION.equals(soapAction.replace("\"", "").strip())) {
            return CprAnswers.fault("soap:Client", "unknown SOAPAction " + soapAction + " (expected " + SOAP_ACTION + ")",
                    DgwsFaultCode.syntax_error.name(), null);
        }
        Element header = XmlElements.child(request.getDocumentElement(), SOAP, "Header");
        Element medcom = header == null ? null : XmlElements.child(header, DgwsNamespaces.MEDCOM, "Header");
        String messageId = CprAnswers.messageId(medcom);
        String organisation;
        try {
            organisation = verifier.verify(header == null ? null : XmlElements.child(header, DgwsNamespaces.WSSE,
                    "Security"), medcom, Map.of()).organisationId();
        } catch (DgwsRejection e) {
            return CprAnswers.fault("soap:Client", e.getMessage(), e.faultCode().name(), messageId);
        }
        if (deniedOrganisations.contains(organisation)) {
            return CprAnswers.fault("soap:Client", "CVR " + organisation + " has no access to the CPR lookup",
                    DgwsFaultCode.not_authorized.name(), messageId);
        }
        Element in = body(request);
        Element number = in == null ? null : XmlElements.child(in, CORE, "PersonCivilRegistrationIdentifier");
        if (number == null || !Cpr.isValid(number.getTextContent().strip())) {
            return CprAnswers.fault("soap:Client", "the request is not a getPersonInformationIn in " + SERVICE
                    + " with a valid PersonCivilRegistrationIdentifier", DgwsFaultCode.syntax_error.name(), messageId);
        }
        String cpr = number.getTextContent().strip();
        if (unknownPersons.contains(cpr)) {
            return CprAnswers.fault("soap:Server", "Ingen data fundet", null, messageId);
        }
        return ResponseEntity.ok(CprAnswers.person(cpr, protectedPersons.contains(cpr), messageId,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), UUID.randomUUID().toString()));
    }

    private static Element body(Document request) {
        Element soapBody = XmlElements.child(request.getDocumentElement(), SOAP, "Body");
        return soapBody == null ? null : XmlElements.child(soapBody, SERVICE, "getPersonInformationIn");
    }

    record Faults(Boolean down, String protect, String unknown, String deny) {
    }

    @PostMapping("/simulator/cpr/faults")
    Map<String, Object> faults(@RequestBody Faults faults) {
        if (faults.down() != null) {
            down.set(faults.down());
        }
        if (faults.protect() != null) {
            protectedPersons.add(faults.protect());
        }
        if (faults.unknown() != null) {
            unknownPersons.add(faults.unknown());
        }
        if (faults.deny() != null) {
            deniedOrganisations.add(faults.deny());
        }
        return Map.of("down", down.get(), "protected", protectedPersons.size(), "unknown", unknownPersons.size(),
                "denied", deniedOrganisations.size());
    }

    @DeleteMapping("/simulator/cpr/faults")
    void reset() {
        down.set(false);
        protectedPersons.clear();
        unknownPersons.clear();
        deniedOrganisations.clear();
    }
}
