package dk.eojxds.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code ipf.atna.audit-enabled=true}, every ITI-43 retrieve is also sent as an IHE ATNA
 * audit message (RFC 5424 syslog over UDP here) to the configured audit repository, naming the
 * transaction and the documents; a local UDP socket plays the audit repository.
 */
@SpringBootTest(classes = RepositoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=xds-repository-service", "eojxds.repository.build-interval=PT1H",
                "ipf.atna.audit-enabled=true", "ipf.atna.audit-repository-transport=UDP",
                "ipf.atna.audit-repository-host=127.0.0.1", "ipf.atna.audit-source-id=eoj-xds-test"})
class AtnaExportTest {

    static final DatagramSocket AUDIT_REPOSITORY = open();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    static DatagramSocket open() {
        try {
            DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            socket.setSoTimeout(10_000);
            return socket;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void auditRepository(DynamicPropertyRegistry registry) {
        registry.add("ipf.atna.audit-repository-port", AUDIT_REPOSITORY::getLocalPort);
    }

    @AfterAll
    static void close() {
        AUDIT_REPOSITORY.close();
    }

    @Test
    void aRetrieveIsSentToTheAuditRepository() throws Exception {
        Iti43ConformanceTest documents = new Iti43ConformanceTest();
        documents.jdbc = jdbc;
        documents.store("doc-atna", "text/xml", "<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8));
        String envelope = """
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa="http://www.w3.org/2005/08/addressing">
                  <soap:Header>
                    <wsa:Action soap:mustUnderstand="true">urn:ihe:iti:2007:RetrieveDocumentSet</wsa:Action>
                    <wsa:MessageID>urn:uuid:9d2c0c1e-3b5a-4f7e-8a6d-1c2b3a4d5e6f</wsa:MessageID>
                  </soap:Header>
                  <soap:Body>
                    <xdsb:RetrieveDocumentSetRequest xmlns:xdsb="urn:ihe:iti:xds-b:2007"><xdsb:DocumentRequest>
                      <xdsb:RepositoryUniqueId>2.25.284198587410923712306154780021350866101</xdsb:RepositoryUniqueId>
                      <xdsb:DocumentUniqueId>doc-atna</xdsb:DocumentUniqueId></xdsb:DocumentRequest>
                    </xdsb:RetrieveDocumentSetRequest>
                  </soap:Body>
                </soap:Envelope>""";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/services/repository/iti43"))
                .header("Content-Type", "application/soap+xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        // the application's start is audited too: read until the retrieve's message (or time out)
        String message;
        do {
            byte[] buffer = new byte[65_536];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            AUDIT_REPOSITORY.receive(packet);
            message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        } while (!message.contains("ITI-43"));
        assertThat(message).contains("Retrieve Document Set").contains("doc-atna").contains("eoj-xds-test");
    }
}
