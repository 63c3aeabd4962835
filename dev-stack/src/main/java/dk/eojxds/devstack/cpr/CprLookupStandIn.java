package dk.eojxds.devstack.cpr;

import dk.eojxds.devstack.sts.TestSts;
import dk.eojxds.dgws.DgwsRejection;
import dk.eojxds.dgws.DgwsVerifier;
import dk.eojxds.dgws.SecureXml;
import dk.eojxds.model.Cpr;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A stand-in for NSP's CPR lookup: SOAP 1.1, a DGWS header with a system ID card signed by the test
 * STS required (as on NSP), and a made-up but stable name and address for every valid CPR number.
 * For demonstrations and tests: {@code POST /simulator/cpr/faults} with {@code {"down":true}} makes
 * it answer 503, {@code {"protect":"<cpr>"}} gives that person name and address protection;
 * {@code DELETE /simulator/cpr/faults} resets both.
 */
@RestController
class CprLookupStandIn {

    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SERVICE = "http://rep.oio.dk/medcom.sundcom.dk/xml/wsdl/2007/06/28/";
    private static final String CORE = "http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/03/18/";
    private static final List<String> GIVEN = List.of("Karen", "Jens", "Mette", "Søren", "Inge", "Ole", "Birthe", "Åge");
    private static final List<String> FAMILY = List.of("Jensen", "Nielsen", "Hansen", "Pedersen", "Ærøbo", "Østergaard");
    private static final List<String> STREETS = List.of("Vestergade", "Søndergade", "Åboulevarden", "Kirkevej", "Møllevej");

    private final DgwsVerifier verifier;
    private final AtomicBoolean down = new AtomicBoolean();
    private final Set<String> protectedPersons = ConcurrentHashMap.newKeySet();

    CprLookupStandIn(TestSts sts) {
        this.verifier = sts.verifier();
    }

    @PostMapping(path = "/nsp/cpr-lookup", produces = MediaType.TEXT_XML_VALUE)
    ResponseEntity<String> lookUp(@RequestBody byte[] body) {
        if (down.get()) {
            return ResponseEntity.status(503).contentType(MediaType.TEXT_PLAIN).body("CPR lookup unavailable");
        }
        Document request;
        try {
            request = SecureXml.parse(body);
        } catch (IllegalArgumentException e) {
            return fault("soap:Client", "not well-formed XML");
        }
        try {
            verifier.verify(first(request, DgwsVerifier.WSSE, "Security"), first(request, DgwsVerifier.MEDCOM, "Header"),
                    Map.of());
        } catch (DgwsRejection e) {
            return fault("soap:Client", "DGWS: " + e.getMessage());
        }
        Element number = first(request, CORE, "PersonCivilRegistrationIdentifier");
        if (number == null || !Cpr.isValid(number.getTextContent().trim())) {
            return fault("soap:Client", "PersonCivilRegistrationIdentifier missing or not a CPR number");
        }
        String cpr = number.getTextContent().trim();
        return ResponseEntity.ok(answer(cpr));
    }

    record Faults(Boolean down, String protect) {
    }

    @PostMapping("/simulator/cpr/faults")
    Map<String, Object> faults(@RequestBody Faults faults) {
        if (faults.down() != null) {
            down.set(faults.down());
        }
        if (faults.protect() != null) {
            protectedPersons.add(faults.protect());
        }
        return Map.of("down", down.get(), "protected", protectedPersons.size());
    }

    @DeleteMapping("/simulator/cpr/faults")
    void reset() {
        down.set(false);
        protectedPersons.clear();
    }

    private String answer(String cpr) {
        int seed = Math.abs(cpr.hashCode());
        String given = GIVEN.get(seed % GIVEN.size());
        String family = FAMILY.get((seed / 7) % FAMILY.size());
        String street = STREETS.get((seed / 11) % STREETS.size());
        String protection = protectedPersons.contains(cpr)
                ? "<core:PersonInformationProtectionStartDate>2020-01-01</core:PersonInformationProtectionStartDate>" : "";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body>"
                + "<cpr:getPersonInformationOut xmlns:cpr=\"" + SERVICE + "\" xmlns:core=\"" + CORE + "\">"
                + "<core:PersonCivilRegistrationIdentifier>" + cpr + "</core:PersonCivilRegistrationIdentifier>"
                + "<core:PersonGivenName>" + given + "</core:PersonGivenName>"
                + "<core:PersonSurnameName>" + family + "</core:PersonSurnameName>"
                + "<core:StreetName>" + street + "</core:StreetName>"
                + "<core:StreetBuildingIdentifier>" + (1 + seed % 90) + "</core:StreetBuildingIdentifier>"
                + "<core:PostCodeIdentifier>" + (5000 + seed % 900) + "</core:PostCodeIdentifier>"
                + "<core:DistrictName>Testby</core:DistrictName>" + protection
                + "</cpr:getPersonInformationOut></soap:Body></soap:Envelope>";
    }

    private static ResponseEntity<String> fault(String code, String text) {
        String safe = text.replace("&", "&amp;").replace("<", "&lt;");
        return ResponseEntity.status(500).contentType(MediaType.TEXT_XML).body("<soap:Envelope xmlns:soap=\"" + SOAP
                + "\"><soap:Body><soap:Fault><faultcode>" + code + "</faultcode><faultstring>" + safe
                + "</faultstring></soap:Fault></soap:Body></soap:Envelope>");
    }

    private static Element first(Document document, String namespace, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }
}
