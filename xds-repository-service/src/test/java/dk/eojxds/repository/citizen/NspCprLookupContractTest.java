package dk.eojxds.repository.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dk.eojxds.dgws.SecureXml;
import dk.eojxds.dgws.StsClient;
import dk.eojxds.dgws.SystemIdCards;
import dk.eojxds.dgws.XmlElements;
import dk.eojxds.model.Cpr;
import dk.eojxds.testsupport.contract.NspContracts;
import dk.eojxds.testsupport.sts.IdCardIssuer;
import dk.eojxds.testsupport.sts.TestCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Our CPR lookup client against "Det Gode CPR-opslag" 1.0.4 as NSP publishes it
 * ({@link NspContracts}), on loopback: what it sends (SOAPAction, the DGWS headers, the body in
 * {@code urn:oio:medcom:cprservice:1.0.4}) and how it reads what the service answers (the published
 * PersonInformationStructure, "Ingen data fundet", DGWS faults).
 */
class NspCprLookupContractTest {

    private static final Cpr CPR = Cpr.of("0101501234");
    private static final String SOAP = NspCprLookup.SOAP;

    private HttpServer server;
    private final AtomicReference<byte[]> received = new AtomicReference<>();
    private final AtomicReference<String> soapAction = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer = "";
    private NspCprLookup lookup;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/stamdata-cpr-ws/service/DetGodeCPROpslag-1.0.4", exchange -> {
            received.set(exchange.getRequestBody().readAllBytes());
            soapAction.set(exchange.getRequestHeaders().getFirst("SOAPAction"));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        TestCertificates.Credential stsKey = TestCertificates.issuedBy(TestCertificates.certificateAuthority("CN=CA"),
                "CN=STS");
        String card = new IdCardIssuer(stsKey).assertion(IdCardIssuer.Card.system("EOJ-XDS", "33257872", "SDS"));
        SystemIdCards cards = new SystemIdCards(() -> new StsClient.SystemIdCard(
                SecureXml.parse(card.getBytes(StandardCharsets.UTF_8)), Instant.now().plus(Duration.ofHours(8))),
                Duration.ofMinutes(10), Clock.systemUTC());
        lookup = new NspCprLookup(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/stamdata-cpr-ws/service/DetGodeCPROpslag-1.0.4"), "1.0.4", Duration.ofSeconds(5), cards);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theRequestIsGetPersonInformationAsTheWsdlDefinesIt() {
        answer = person("");
        lookup.lookUp(CPR);

        assertThat(soapAction.get()).isEqualTo("\"" + NspContracts.CPR_SOAP_ACTION + "\"");
        Document request = SecureXml.parse(received.get());
        Element envelope = request.getDocumentElement();
        assertThat(envelope.getNamespaceURI()).isEqualTo(SOAP);
        Element header = XmlElements.child(envelope, SOAP, "Header");
        assertThat(NspContracts.SECURITY.violations(XmlElements.child(header, NspContracts.WSSE, "Security"))).isEmpty();
        assertThat(NspContracts.MEDCOM_HEADER.violations(XmlElements.child(header, NspContracts.MEDCOM, "Header")))
                .isEmpty();
        Element body = XmlElements.child(envelope, SOAP, "Body");
        Element in = XmlElements.child(body, NspContracts.CPR_SERVICE, "getPersonInformationIn");
        assertThat(in).as("getPersonInformationIn in " + NspContracts.CPR_SERVICE).isNotNull();
        assertThat(NspContracts.CPR_REQUEST.violations(in)).isEmpty();
        assertThat(in.getTextContent()).isEqualTo(CPR.value());
    }

    @Test
    void theAnswerIsReadInThePublishedStructure() {
        answer = person("<cpr0609:PersonInformationProtectionStartDate>2021-03-01</cpr0609:PersonInformationProtectionStartDate>");
        assertThat(NspContracts.CPR_ANSWER.violations(out(answer))).isEmpty();

        CitizenDemographics citizen = lookup.lookUp(CPR);

        assertThat(citizen.given()).containsExactly("Karen", "Marie");
        assertThat(citizen.family()).isEqualTo("Østergaard");
        assertThat(citizen.address().lines()).containsExactly("Åboulevarden 12 2 tv");
        assertThat(citizen.address().postalCode()).isEqualTo("8000");
        assertThat(citizen.address().city()).isEqualTo("Aarhus C");
        assertThat(citizen.protectedPerson()).isTrue();
    }

    @Test
    void ingenDataFundetIsAnUnknownCitizenAndADgwsFaultIsAnOutage() {
        status = 500;
        answer = fault("soapenv:Server", "Ingen data fundet", "");
        assertThatThrownBy(() -> lookup.lookUp(CPR)).isInstanceOf(UnknownCitizenException.class);

        answer = fault("soapenv:Client", "Ingen adgang", "<detail><medcom:FaultCode xmlns:medcom=\""
                + NspContracts.MEDCOM + "\">not_authorized</medcom:FaultCode></detail>");
        assertThatThrownBy(() -> lookUp()).isInstanceOf(CitizenLookupUnavailable.class)
                .hasMessageContaining("not_authorized");

        status = 200;
        answer = "<soapenv:Envelope xmlns:soapenv=\"" + SOAP + "\"><soapenv:Body><x:getPersonInformationOut "
                + "xmlns:x=\"http://rep.oio.dk/medcom.sundcom.dk/xml/wsdl/2007/06/28/\"/></soapenv:Body></soapenv:Envelope>";
        assertThatThrownBy(() -> lookUp()).isInstanceOf(CitizenLookupUnavailable.class)
                .hasMessageContaining("urn:oio:medcom:cprservice:1.0.4");
    }

    private CitizenDemographics lookUp() {
        return lookup.lookUp(CPR);
    }

    private static Element out(String envelope) {
        Element body = XmlElements.child(SecureXml.parse(envelope.getBytes(StandardCharsets.UTF_8)).getDocumentElement(),
                SOAP, "Body");
        return XmlElements.child(body, NspContracts.CPR_SERVICE, "getPersonInformationOut");
    }

    private static String fault(String code, String reason, String detail) {
        return "<soapenv:Envelope xmlns:soapenv=\"" + SOAP + "\"><soapenv:Body><soapenv:Fault><faultcode>" + code
                + "</faultcode><faultstring>" + reason + "</faultstring>" + detail
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
    }

    // written from the published schemas, in the prefixes a JAX-WS service would choose
    private static String person(String protection) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>\
                <ns2:getPersonInformationOut xmlns:ns2="urn:oio:medcom:cprservice:1.0.4" \
                xmlns="http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/03/18/" \
                xmlns:ns3="http://rep.oio.dk/ebxml/xml/schemas/dkcc/2003/02/13/" \
                xmlns:ns4="http://rep.oio.dk/itst.dk/xml/schemas/2006/01/17/" \
                xmlns:ns6="http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/11/24/" \
                xmlns:ns7="http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/03/15/" \
                xmlns:ns8="http://rep.oio.dk/cpr.dk/xml/schemas/core/2006/01/17/" \
                xmlns:cpr0609="http://rep.oio.dk/cpr.dk/xml/schemas/core/2006/09/01/">\
                <ns2:PersonInformationStructure><ns2:RegularCPRPerson><ns2:SimpleCPRPerson>\
                <ns4:PersonNameStructure><ns3:PersonGivenName>Karen</ns3:PersonGivenName>\
                <ns3:PersonMiddleName>Marie</ns3:PersonMiddleName><ns3:PersonSurnameName>Østergaard</ns3:PersonSurnameName>\
                </ns4:PersonNameStructure><PersonCivilRegistrationIdentifier>0101501234</PersonCivilRegistrationIdentifier>\
                </ns2:SimpleCPRPerson><ns3:PersonGenderCode>female</ns3:PersonGenderCode>\
                <ns6:PersonInformationProtectionIndicator>false</ns6:PersonInformationProtectionIndicator>\
                <ns6:PersonBirthDateStructure><ns7:BirthDate>1950-01-01</ns7:BirthDate>\
                <ns6:BirthDateUncertaintyIndicator>false</ns6:BirthDateUncertaintyIndicator></ns6:PersonBirthDateStructure>\
                <ns2:PersonCivilRegistrationStatusStructure><ns2:PersonCivilRegistrationStatusCode>01</ns2:PersonCivilRegistrationStatusCode>\
                <ns8:PersonCivilRegistrationStatusStartDate>1950-01-01</ns8:PersonCivilRegistrationStatusStartDate>\
                </ns2:PersonCivilRegistrationStatusStructure></ns2:RegularCPRPerson>\
                <ns2:PersonAddressStructure><ns2:AddressComplete><ns2:AddressAccess><MunicipalityCode>0751</MunicipalityCode>\
                <StreetCode>0123</StreetCode><ns3:StreetBuildingIdentifier>12</ns3:StreetBuildingIdentifier></ns2:AddressAccess>\
                <ns2:AddressPostal><ns7:StreetName>Åboulevarden</ns7:StreetName>\
                <ns3:StreetBuildingIdentifier>12</ns3:StreetBuildingIdentifier><ns3:FloorIdentifier>2</ns3:FloorIdentifier>\
                <ns3:SuiteIdentifier>tv</ns3:SuiteIdentifier><ns7:PostCodeIdentifier>8000</ns7:PostCodeIdentifier>\
                <ns7:DistrictName>Aarhus C</ns7:DistrictName></ns2:AddressPostal></ns2:AddressComplete>%s\
                <ns2:CountyCode>1082</ns2:CountyCode></ns2:PersonAddressStructure></ns2:PersonInformationStructure>\
                </ns2:getPersonInformationOut></soapenv:Body></soapenv:Envelope>""".formatted(protection);
    }
}
