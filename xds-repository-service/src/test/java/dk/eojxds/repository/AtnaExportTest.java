package dk.eojxds.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
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
        properties = {"spring.config.name=xds-repository-service",
                "eojxds.security.mode=none", "eojxds.security.insecure-local-development=true", "eojxds.repository.build-interval=PT1H",
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
        HttpResponse<String> response = RawSoap.post(port, RawSoap.SOAP_XML, RawSoap.retrieve(RawSoap.addressing(
                "urn:ihe:iti:2007:RetrieveDocumentSet", "urn:uuid:9d2c0c1e-3b5a-4f7e-8a6d-1c2b3a4d5e6f"), "doc-atna"));
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
