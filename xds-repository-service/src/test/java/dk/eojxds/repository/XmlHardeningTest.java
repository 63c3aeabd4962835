package dk.eojxds.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** No DTDs, no external entities, no oversized requests. */
@SpringBootTest(classes = RepositoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=xds-repository-service", "eojxds.repository.build-interval=PT1H",
                "eojxds.security.max-request-bytes=65536"})
class XmlHardeningTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> post(String body) throws Exception {
        return RawSoap.post(port, RawSoap.SOAP_XML, body);
    }

    @Test
    void anExternalEntityIsNeverResolved() throws Exception {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        HttpResponse<String> response = post("""
                <?xml version="1.0"?>
                <!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM "%s">]>
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>
                <xdsb:RetrieveDocumentSetRequest xmlns:xdsb="urn:ihe:iti:xds-b:2007"><xdsb:DocumentRequest>
                <xdsb:RepositoryUniqueId>&xxe;</xdsb:RepositoryUniqueId><xdsb:DocumentUniqueId>x</xdsb:DocumentUniqueId>
                </xdsb:DocumentRequest></xdsb:RetrieveDocumentSetRequest></soap:Body></soap:Envelope>
                """.formatted(secret.toUri()));
        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(response.body()).doesNotContain("TOP-SECRET-CONTENT");
    }

    @Test
    void anOversizedRequestIsRefusedBeforeParsing() throws Exception {
        HttpResponse<String> response = post("<x>" + "a".repeat(70_000) + "</x>");
        assertThat(response.statusCode()).isEqualTo(413);
    }
}
