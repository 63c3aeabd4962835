package dk.eojxds.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.testsupport.sts.IdCardIssuer;
import dk.eojxds.testsupport.sts.TestCertificates;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ITI-43 with {@code eojxds.security.mode=dgws}: a valid ID card from the trusted (test) STS gets
 * the document and is audited with the caller; a forged signature, an unknown signer, an expired
 * card, a too-low level and a missing header are refused with a SOAP fault and audited.
 */
@SpringBootTest(classes = RepositoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=xds-repository-service", "eojxds.repository.build-interval=PT1H",
                "eojxds.security.mode=dgws"})
class DgwsSecurityTest {

    static final TestCertificates.Credential CA = TestCertificates.certificateAuthority("CN=Test NSP CA,O=eoj-xds test");
    static final IdCardIssuer STS = new IdCardIssuer(TestCertificates.issuedBy(CA, PinnedSts.SUBJECT));
    static final IdCardIssuer IMPOSTOR = new IdCardIssuer(TestCertificates.issuedBy(
            TestCertificates.certificateAuthority("CN=Other CA"), "CN=TEST-NSP-STS,O=eoj-xds test"));
    static final IdCardIssuer.Card SUNDHED_DK = IdCardIssuer.Card.system("Sundhed.dk", "33257872", "Sundhed.dk");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    private final Iti43ConformanceTest documents = new Iti43ConformanceTest();

    @DynamicPropertySource
    static void trust(DynamicPropertyRegistry registry) {
        PinnedSts.pin(registry, CA);
    }

    @BeforeEach
    void document() {
        jdbc.sql("TRUNCATE repository.registration_outbox, repository.deprecation_outbox, repository.document").update();
        documents.jdbc = jdbc;
        documents.store("doc-a", "text/xml", "<ClinicalDocument>æøå</ClinicalDocument>".getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> retrieve(String headers) throws Exception {
        return RawSoap.post(port, RawSoap.SOAP_XML, RawSoap.retrieve(RawSoap.addressing(
                "urn:ihe:iti:2007:RetrieveDocumentSet", "urn:uuid:0e2a3b0c-1d4f-4a5b-9c8d-7e6f5a4b3c2d") + headers, "doc-a"));
    }

    private Map<String, Object> lastAudit() {
        return jdbc.sql("SELECT * FROM repository.retrieve_audit ORDER BY id DESC LIMIT 1").query().singleRow();
    }

    @Test
    void aValidIdCardRetrievesAndIsAuditedWithTheCaller() throws Exception {
        HttpResponse<String> response = retrieve(STS.soapHeaders(SUNDHED_DK.user("Læge", "380421000016001")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("ResponseStatusType:Success");
        Map<String, Object> audit = lastAudit();
        assertThat(audit).containsEntry("outcome", "RETRIEVED").containsEntry("caller_verified", true)
                .containsEntry("caller_system", "Sundhed.dk").containsEntry("caller_organisation_id", "33257872")
                .containsEntry("user_role", "Læge").containsEntry("user_organisation_sor", "380421000016001")
                .containsEntry("document_unique_id", "doc-a").containsEntry("citizen_cpr", "0101501234");
    }

    /**
     * A user card (MOCES, level 4) as the national STS issues it: signed RSA-SHA1 over a SHA-1
     * digest, the user's CPR number, name, role and authorisation code in its UserLog statement.
     * Retrieved, and audited with the user the signed card names.
     */
    @Test
    void aUserCardAsTheNationalStsIssuesItIsAuditedWithTheUser() throws Exception {
        IdCardIssuer.User doctor = new IdCardIssuer.User("0101709994", "Karen", "Testlæge", "karen@example.dk", "7170",
                "ZQ987", "Praktiserende læge", null);
        String headers = STS.soapHeaders(SUNDHED_DK.user(doctor).level(4));
        assertThat(headers).contains("xmldsig#rsa-sha1", "xmldsig#sha1");

        HttpResponse<String> response = retrieve(headers);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lastAudit()).containsEntry("outcome", "RETRIEVED").containsEntry("card_type", "user")
                .containsEntry("security_level", 4).containsEntry("user_role", "7170")
                .containsEntry("user_cpr", "0101709994").containsEntry("user_name", "Karen Testlæge")
                .containsEntry("user_authorisation_code", "ZQ987").containsEntry("user_source", "ID_CARD");
    }

    @Test
    void aCardSignedWithSha256IsAcceptedToo() throws Exception {
        IdCardIssuer sha256 = new IdCardIssuer(STS.signer(), IdCardIssuer.Signing.SHA256);
        String headers = sha256.soapHeaders(SUNDHED_DK);
        assertThat(headers).contains("xmldsig-more#rsa-sha256");
        assertThat(retrieve(headers).statusCode()).isEqualTo(200);
    }

    @Test
    void aRefusalNamesItsDgwsFaultCode() throws Exception {
        HttpResponse<String> expired = retrieve(STS.soapHeaders(SUNDHED_DK.validFrom(
                java.time.Instant.now().minus(java.time.Duration.ofDays(2)), java.time.Duration.ofHours(8))));
        assertThat(expired.body()).contains("<medcom:FaultCode xmlns:medcom=\"http://www.medcom.dk/dgws/2006/04/dgws-1.0.xsd\">"
                + "expired_idcard</medcom:FaultCode>");
        assertThat(retrieve("").body()).contains(">missing_required_header</medcom:FaultCode>");
        assertThat(retrieve(IMPOSTOR.soapHeaders(SUNDHED_DK)).body()).contains(">invalid_certificate</medcom:FaultCode>");
    }

    @Test
    void theEndUserComesFromTheHsuidHeaderDdsForwards() throws Exception {
        String hsuid = """
                <hsuid:HsuidHeader xmlns:hsuid="http://www.nsi.dk/hsuid/2016/08/hsuid-1.1.xsd"
                                   xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">
                  <hsuid:Assertion><saml:AttributeStatement>
                    <saml:Attribute Name="nsi:UserType"><saml:AttributeValue>nsi:HealthcareProfessional</saml:AttributeValue></saml:Attribute>
                    <saml:Attribute Name="nsi:OrganisationIdentifier" NameFormat="nsi:SORCode"><saml:AttributeValue>111</saml:AttributeValue></saml:Attribute>
                  </saml:AttributeStatement></hsuid:Assertion>
                </hsuid:HsuidHeader>""";
        HttpResponse<String> response = retrieve(STS.soapHeaders(SUNDHED_DK) + hsuid);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lastAudit()).containsEntry("user_type", "nsi:HealthcareProfessional")
                .containsEntry("user_organisation_sor", "111").containsEntry("card_type", "system")
                .containsEntry("user_source", "HSUID");
    }

    /**
     * The wrapping attack: a genuine card with a second AttributeStatement (another organisation)
     * in a ds:Object of its signature, which the enveloped-signature transform leaves unsigned. The
     * card is genuine, so it is admitted, but as what the STS signed, never as what was added.
     */
    @Test
    void attributesAddedWhereTheSignatureDoesNotReachAreNeverRead() throws Exception {
        String hidden = "<ds:Object xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><saml:AttributeStatement "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:Attribute Name=\"medcom:CareProviderID\">"
                + "<saml:AttributeValue>99999999</saml:AttributeValue></saml:Attribute><saml:Attribute "
                + "Name=\"sosi:AuthenticationLevel\"><saml:AttributeValue>4</saml:AttributeValue></saml:Attribute>"
                + "</saml:AttributeStatement></ds:Object>$0";
        String headers = STS.soapHeaders(SUNDHED_DK).replaceFirst("</([A-Za-z]+:)?Signature>", hidden);
        assertThat(headers).contains("99999999");
        HttpResponse<String> response = retrieve(headers);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lastAudit()).containsEntry("caller_organisation_id", "33257872").containsEntry("security_level", 3);
    }

    @Test
    void aCardSignedByAnotherCertificateOfTheSameCaIsRefused() throws Exception {
        IdCardIssuer tlsServer = new IdCardIssuer(TestCertificates.tlsServer(CA, "repository.example"));
        assertRefused(retrieve(tlsServer.soapHeaders(SUNDHED_DK)), "not signed by the STS");
    }

    @Test
    void aSecondSecurityHeaderIsRefused() throws Exception {
        String headers = STS.soapHeaders(SUNDHED_DK);
        String security = headers.substring(0, headers.indexOf("<medcom:Header"));
        HttpResponse<String> response = retrieve(headers + security);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("more than once").doesNotContain("ClinicalDocument");
        assertThat(lastAudit()).containsEntry("outcome", "REFUSED");
    }

    @Test
    void aForgedSignatureIsRefused() throws Exception {
        String headers = STS.soapHeaders(SUNDHED_DK).replace("Sundhed.dk</saml:AttributeValue>",
                "Somebody else</saml:AttributeValue>");
        assertRefused(retrieve(headers), "signature is invalid");
    }

    @Test
    void aCardFromAnUnknownSignerIsRefused() throws Exception {
        assertRefused(retrieve(IMPOSTOR.soapHeaders(SUNDHED_DK)), "not trusted");
    }

    @Test
    void anExpiredCardIsRefused() throws Exception {
        assertRefused(retrieve(STS.soapHeaders(SUNDHED_DK.validFrom(Instant.now().minus(Duration.ofHours(10)),
                Duration.ofHours(8)))), "expired");
    }

    @Test
    void aLevelBelowThreeIsRefused() throws Exception {
        assertRefused(retrieve(STS.soapHeaders(SUNDHED_DK.level(2))), "security level 2");
    }

    @Test
    void aRequestWithoutTheHeaderIsRefused() throws Exception {
        assertRefused(retrieve(""), "no wsse:Security header");
        assertRefused(retrieve(STS.soapHeaders(SUNDHED_DK).replaceAll("<medcom:Header.*</medcom:Header>", "")),
                "no medcom:Header");
    }

    private void assertRefused(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).isBetween(400, 599);
        assertThat(response.body()).contains("Fault").contains("FailedAuthentication").contains("FaultCode>")
                .doesNotContain("ClinicalDocument");
        assertThat(lastAudit()).containsEntry("outcome", "REFUSED").containsEntry("caller_verified", false);
        assertThat((String) lastAudit().get("reason")).contains(reason);
    }
}
