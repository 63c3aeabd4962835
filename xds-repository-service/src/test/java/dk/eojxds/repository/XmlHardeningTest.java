package dk.eojxds.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** No DTDs, no external entities, no oversized requests. */
@SpringBootTest(classes = RepositoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=xds-repository-service",
                "eojxds.security.mode=none", "eojxds.security.insecure-local-development=true", "eojxds.repository.build-interval=PT1H",
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

    /**
     * The limit is the servlet's own: no spelling of the path reaches a full read. A 3 MiB
     * Content-Length is refused at once (whether the container or the servlet answers), and a
     * chunked body is cut at the limit.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/services/repository/iti43", "/services;x=1/repository/iti43", "//services/repository/iti43",
            "/%73ervices/repository/iti43", "/./services/repository/iti43", "/services/repository/iti43;jsessionid=1"})
    void noPathSpellingReachesAFullRead(String path) throws Exception {
        byte[] start = ("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
                + "a".repeat(70_000)).getBytes(StandardCharsets.US_ASCII);
        assertThat(rawPost(path, "Content-Length: " + (3 << 20), start)).isIn(400, 413);
        byte[] chunked = ("11170\r\n" + "a".repeat(70_000) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(rawPost(path, "Transfer-Encoding: chunked", chunked)).isIn(400, 413);
    }

    // a raw request, so that the path goes out exactly as written
    private int rawPost(String path, String lengthHeader, byte[] body) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/soap+xml\r\n"
                    + lengthHeader + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            socket.shutdownOutput();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
