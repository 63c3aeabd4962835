package dk.eojxds.devstack.cpr;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.devstack.DevStackApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may call the CPR lookup stand-in, over real HTTP. The lookup, as on NSP, answers only a
 * request carrying a system ID card signed by the test STS: an anonymous caller, or one with a
 * made-up card, gets a SOAP fault and no person's data. The fault switches under
 * {@code /simulator/cpr/faults} are open, like every simulator control of the dev-stack, which is
 * a development stand-in and never deployed (docs/security.md).
 */
@SpringBootTest(classes = DevStackApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=dev-stack", "eojxds.simulator.enabled=false"})
class CprLookupStandInTest {

    private static final String LOOKUP = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>%s</soap:Header>
            <soap:Body><cpr:getPersonInformationIn xmlns:cpr="http://rep.oio.dk/medcom.sundcom.dk/xml/wsdl/2007/06/28/"
             xmlns:core="http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/03/18/">
            <core:PersonCivilRegistrationIdentifier>0101501234</core:PersonCivilRegistrationIdentifier>
            </cpr:getPersonInformationIn></soap:Body></soap:Envelope>""";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAnonymousCallerGetsAFaultAndNoPersonsData() throws Exception {
        HttpResponse<String> answer = post("/nsp/cpr-lookup", "text/xml", LOOKUP.formatted(""));
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("<faultcode>soap:Client</faultcode>", "DGWS")
                .doesNotContain("PersonGivenName", "0101501234");
    }

    @Test
    void aMadeUpIdCardIsRefusedToo() throws Exception {
        String forged = "<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" id=\"IDCard\"/></wsse:Security>"
                + "<medcom:Header xmlns:medcom=\"http://www.medcom.dk/dgws/2006/04/dgws-1.0.xsd\"/>";
        HttpResponse<String> answer = post("/nsp/cpr-lookup", "text/xml", LOOKUP.formatted(forged));
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("DGWS").doesNotContain("PersonGivenName");
    }

    @Test
    void theFaultSwitchesAreOpenLikeEverySimulatorControlAndDoWhatTheySay() throws Exception {
        HttpResponse<String> down = post("/simulator/cpr/faults", "application/json", "{\"down\":true}");
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(post("/nsp/cpr-lookup", "text/xml", LOOKUP.formatted("")).statusCode()).isEqualTo(503);
        HttpResponse<String> reset = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/simulator/cpr/faults")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(post("/nsp/cpr-lookup", "text/xml", LOOKUP.formatted("")).statusCode()).isEqualTo(500);
    }
}
