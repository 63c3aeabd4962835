package dk.eojxds.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SOAP 1.2 and WS-Addressing rules of the ITI-43 endpoint (ITI TF-2x V.3), over raw HTTP:
 * the answer relates to the request's MessageID with the response Action; an MTOM-packaged
 * request is read from its root part; headers marked mustUnderstand that are not understood, a
 * wrong Action, a missing Action, SOAP 1.1 and asynchronous ReplyTo are refused with the faults
 * the standards name.
 */
@SpringBootTest(classes = RepositoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=xds-repository-service",
                "eojxds.security.mode=none", "eojxds.security.insecure-local-development=true", "eojxds.repository.build-interval=PT1H"})
class Iti43SoapTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void document() {
        jdbc.sql("TRUNCATE repository.registration_outbox, repository.deprecation_outbox, repository.document").update();
        Iti43ConformanceTest documents = new Iti43ConformanceTest();
        documents.jdbc = jdbc;
        documents.store("doc-a", "text/xml", "<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8));
    }

    private static String envelope(String headers) {
        return RawSoap.retrieve(headers, "doc-a");
    }

    private static String addressing(String action) {
        return RawSoap.addressing(action, "urn:uuid:11111111-2222-4333-8444-555555555555");
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return RawSoap.post(port, contentType, body);
    }

    @Test
    void theAnswerRelatesToTheRequestWithTheResponseAction() throws Exception {
        HttpResponse<String> response = post("application/soap+xml; charset=UTF-8",
                envelope(addressing("urn:ihe:iti:2007:RetrieveDocumentSet")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("multipart/related").contains("type=\"application/xop+xml\"")
                .contains("start-info=\"application/soap+xml\"");
        assertThat(response.body())
                .contains(">urn:ihe:iti:2007:RetrieveDocumentSetResponse</wsa:Action>")
                .contains("<wsa:RelatesTo>urn:uuid:11111111-2222-4333-8444-555555555555</wsa:RelatesTo>")
                .contains("<ClinicalDocument/>");
    }

    @Test
    void anMtomPackagedRequestIsReadFromItsRootPart() throws Exception {
        String body = "--b1\r\nContent-Type: text/plain\r\nContent-ID: <other@x>\r\n\r\nnot xml\r\n"
                + "--b1\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"
                + "Content-ID: <root@x>\r\n\r\n" + envelope(addressing("urn:ihe:iti:2007:RetrieveDocumentSet"))
                + "\r\n--b1--\r\n";
        HttpResponse<String> response = post("multipart/related; boundary=b1; type=\"application/xop+xml\"; "
                + "start=\"<root@x>\"; start-info=\"application/soap+xml\"", body);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("ResponseStatusType:Success").contains("<ClinicalDocument/>");
    }

    @Test
    void aHeaderThatMustBeUnderstoodButIsNotIsAMustUnderstandFault() throws Exception {
        HttpResponse<String> response = post("application/soap+xml", envelope(addressing(
                "urn:ihe:iti:2007:RetrieveDocumentSet") + "<x:Secret xmlns:x=\"urn:example\" soap:mustUnderstand=\"true\"/>"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("env:MustUnderstand").contains("NotUnderstood")
                .contains("urn:example").doesNotContain("ClinicalDocument");
    }

    @Test
    void anotherActionIsActionNotSupported() throws Exception {
        HttpResponse<String> response = post("application/soap+xml",
                envelope(addressing("urn:ihe:iti:2007:RegisterDocumentSet-b")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("env:Sender").contains("ActionNotSupported")
                .contains("<wsa:RelatesTo>urn:uuid:11111111-2222-4333-8444-555555555555</wsa:RelatesTo>");
    }

    @Test
    void aMissingActionIsMessageAddressingHeaderRequired() throws Exception {
        HttpResponse<String> response = post("application/soap+xml", envelope(""));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("MessageAddressingHeaderRequired");
    }

    @Test
    void anAsynchronousReplyToIsRefused() throws Exception {
        HttpResponse<String> response = post("application/soap+xml", envelope(addressing(
                "urn:ihe:iti:2007:RetrieveDocumentSet")
                + "<wsa:ReplyTo><wsa:Address>http://elsewhere.example/callback</wsa:Address></wsa:ReplyTo>"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("OnlyAnonymousAddressSupported").doesNotContain("ClinicalDocument");
    }

    @Test
    void soap11IsAVersionMismatch() throws Exception {
        HttpResponse<String> response = post("text/xml; charset=UTF-8",
                "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("env:VersionMismatch");
    }

    @Test
    void aBodyThatIsNotARetrieveRequestIsASenderFault() throws Exception {
        HttpResponse<String> response = post("application/soap+xml", envelope(addressing(
                "urn:ihe:iti:2007:RetrieveDocumentSet")).replace("RetrieveDocumentSetRequest", "SomethingElse"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("env:Sender").contains("RetrieveDocumentSetRequest");
    }

    @Test
    void getIsNotAllowed() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/services/repository/iti43")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
    }
}
