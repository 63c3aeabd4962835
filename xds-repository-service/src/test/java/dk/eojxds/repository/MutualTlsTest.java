package dk.eojxds.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.eojxds.testsupport.sts.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** TLS with client certificates by configuration only (Spring Boot PEM SSL bundle, client-auth=need). */
@SpringBootTest(classes = RepositoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=xds-repository-service",
                "eojxds.security.mode=none", "eojxds.security.insecure-local-development=true", "eojxds.repository.build-interval=PT1H",
                "server.ssl.bundle=repository", "server.ssl.client-auth=need",
                "eojxds.access.client-certificates[0].subject=O=eoj-xds test,CN=Operator console",
                "eojxds.access.client-certificates[0].roles=OPERATOR"})
class MutualTlsTest {

    static final TestCertificates.Credential CA = TestCertificates.certificateAuthority("CN=Test TLS CA");
    static final TestCertificates.Credential SERVER = TestCertificates.tlsServer(CA, "localhost");
    static final TestCertificates.Credential CLIENT = TestCertificates.issuedBy(CA, "CN=DDS test client");
    static final TestCertificates.Credential OPERATOR = TestCertificates.issuedBy(CA, "CN=Operator console,O=eoj-xds test");
    static final String STATISTICS = "/statistics/citizens-per-month?from=2026-01-01&to=2026-01-31";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void bundle(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("tls");
        Files.writeString(dir.resolve("server.crt"), SERVER.certificatePem());
        Files.writeString(dir.resolve("server.key"), SERVER.privateKeyPem());
        Files.writeString(dir.resolve("ca.crt"), CA.certificatePem());
        registry.add("spring.ssl.bundle.pem.repository.keystore.certificate", () -> dir.resolve("server.crt").toString());
        registry.add("spring.ssl.bundle.pem.repository.keystore.private-key", () -> dir.resolve("server.key").toString());
        registry.add("spring.ssl.bundle.pem.repository.truststore.certificate", () -> dir.resolve("ca.crt").toString());
    }

    private HttpClient client(boolean withCertificate) throws Exception {
        return client(withCertificate ? CLIENT : null);
    }

    private HttpClient client(TestCertificates.Credential credential) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", CA.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (credential != null) {
            keys.setKeyEntry("client", credential.key(), new char[0], new Certificate[] {credential.certificate()});
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    @Test
    void aClientWithACertificateFromTheTrustedCaGetsIn() throws Exception {
        // past the handshake: ITI-43 answers (405 to a GET; DGWS is its gate, not the certificate)
        HttpResponse<String> response = client(true).send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + port + "/services/repository/iti43")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void anOperatorMayAuthenticateWithAConfiguredClientCertificate() throws Exception {
        HttpResponse<String> operator = client(OPERATOR).send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + port + STATISTICS)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(operator.statusCode()).isEqualTo(200);
        HttpResponse<String> other = client(true).send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + port + STATISTICS)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(401);
    }

    @Test
    void aClientWithoutACertificateIsRefusedInTheHandshake() {
        assertThatThrownBy(() -> client(false).send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + port + "/services/repository/iti43")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }
}
