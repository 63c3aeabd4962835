package dk.eojxds.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.requests.DocumentReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocument;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ITI-43 over real HTTP, re-expressing what the NIST Document Repository test plans check of a
 * retrieve: 12021/12029 (a registered document is retrieved and its content equals what was
 * stored — here its hash and size), 12360 (the mimeType given at submission comes back with the
 * document), 15816 (Success for a known document, Failure for an unknown uniqueId,
 * PartialSuccess for a mix); and beyond them several documents in one request, an unknown
 * repositoryUniqueId, a raw SOAP 1.2 client that is not IPF and parses MTOM by hand, and a 50 MB
 * document that must arrive intact.
 */
@SpringBootTest(classes = RepositoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=xds-repository-service",
                "eojxds.security.mode=none", "eojxds.security.insecure-local-development=true", "eojxds.repository.build-interval=PT1H"})
class Iti43ConformanceTest {

    private static final String REPOSITORY = "2.25.284198587410923712306154780021350866101";
    private static final String COMMUNITY = "urn:oid:1.2.208.176.8.1";

    @LocalServerPort
    int port;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void documents() {
        jdbc.sql("TRUNCATE repository.registration_outbox, repository.deprecation_outbox, repository.document").update();
        store("doc-a", "text/xml", "<ClinicalDocument>æøå</ClinicalDocument>".getBytes(StandardCharsets.UTF_8));
        store("doc-b", "application/fhir+json", "{\"resourceType\":\"Bundle\"}".getBytes(StandardCharsets.UTF_8));
    }

    void store(String uniqueId, String mimeType, byte[] content) {
        jdbc.sql("""
                INSERT INTO repository.document (unique_id, entry_uuid, family, citizen_cpr, partition_key, status,
                    author_name, author_sor, class_code, class_code_scheme, class_code_display, type_code,
                    type_code_scheme, type_code_display, format_code, format_code_scheme, format_code_display,
                    confidentiality_code, language_code, facility_type_code, facility_type_display, practice_setting_code,
                    practice_setting_display, title, creation_time, mime_type, hash_sha1, size_bytes,
                    repository_unique_id, home_community_id, content, source_fingerprint)
                VALUES (?, ?, 'TELMA', '0101501234', ?, 'REPLACED', 'Ærø Kommune', '1301000016005', '001', 's', 'd',
                    '53576-5', 's', 'd', 'f', 's', 'd', 'N', 'da-DK', 'x', 'd', 'y', 'd', 'title', now(), ?, ?, ?, ?, ?, ?,
                    'fingerprint-of-nothing-0000000000000000')
                """).param(uniqueId).param("urn:uuid:" + uniqueId).param(uniqueId).param(mimeType)
                .param(sha1(content)).param(content.length).param(REPOSITORY).param(COMMUNITY).param(content).update();
    }

    private RetrievedDocumentSet retrieve(String repository, String... uniqueIds) {
        RetrieveDocumentSet request = new RetrieveDocumentSet();
        for (String id : uniqueIds) {
            request.getDocuments().add(new DocumentReference(repository, id, COMMUNITY));
        }
        return producer.requestBody("xds-iti43://localhost:" + port + "/services/repository/iti43", request,
                RetrievedDocumentSet.class);
    }

    @Test
    void retrievesOneDocumentWithItsMimeTypeHashAndSize() throws Exception {
        RetrievedDocumentSet response = retrieve(REPOSITORY, "doc-a");
        assertThat(response.getStatus()).isEqualTo(Status.SUCCESS);
        RetrievedDocument document = response.getDocuments().get(0);
        assertThat(document.getMimeType()).isEqualTo("text/xml");
        assertThat(document.getRequestData().getDocumentUniqueId()).isEqualTo("doc-a");
        assertThat(document.getRequestData().getRepositoryUniqueId()).isEqualTo(REPOSITORY);
        assertThat(document.getRequestData().getHomeCommunityId()).isEqualTo(COMMUNITY);
        byte[] bytes = read(document.getDataHandler().getInputStream());
        assertThat(sha1(bytes)).isEqualTo(jdbc.sql("SELECT hash_sha1 FROM repository.document WHERE unique_id = 'doc-a'")
                .query(String.class).single());
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("æøå");
    }

    @Test
    void retrievesSeveralDocumentsInOneRequest() {
        RetrievedDocumentSet response = retrieve(REPOSITORY, "doc-a", "doc-b");
        assertThat(response.getStatus()).isEqualTo(Status.SUCCESS);
        assertThat(response.getDocuments()).extracting(d -> d.getRequestData().getDocumentUniqueId() + "|" + d.getMimeType())
                .containsExactlyInAnyOrder("doc-a|text/xml", "doc-b|application/fhir+json");
    }

    @Test
    void anUnknownDocumentFailsWithItsIdAsLocation() {
        RetrievedDocumentSet response = retrieve(REPOSITORY, "nope");
        assertThat(response.getStatus()).isEqualTo(Status.FAILURE);
        assertThat(response.getDocuments()).isEmpty();
        assertThat(response.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getErrorCode()).isEqualTo(ErrorCode.DOCUMENT_UNIQUE_ID_ERROR);
            assertThat(e.getLocation()).isEqualTo("nope");
        });
    }

    @Test
    void someFoundAndSomeNotIsPartialSuccessListingOnlyTheFound() {
        RetrievedDocumentSet response = retrieve(REPOSITORY, "doc-a", "nope");
        assertThat(response.getStatus()).isEqualTo(Status.PARTIAL_SUCCESS);
        assertThat(response.getDocuments()).extracting(d -> d.getRequestData().getDocumentUniqueId())
                .containsExactly("doc-a");
        assertThat(response.getErrors()).extracting(e -> e.getErrorCode()).containsExactly(ErrorCode.DOCUMENT_UNIQUE_ID_ERROR);
        // both documents are recorded, as one request, by the statement that looked them up
        assertThat(jdbc.sql("""
                SELECT document_unique_id || '|' || outcome || '|' || coalesce(citizen_cpr, '-') FROM repository.retrieve_audit
                WHERE request_id = (SELECT request_id FROM repository.retrieve_audit ORDER BY id DESC LIMIT 1)
                ORDER BY id""").query(String.class).list())
                .containsExactly("doc-a|RETRIEVED|0101501234", "nope|NOT_FOUND|-");
    }

    @Test
    void anotherRepositoryIsUnknownRepositoryId() {
        RetrievedDocumentSet response = retrieve("1.2.3.4.999", "doc-a");
        assertThat(response.getStatus()).isEqualTo(Status.FAILURE);
        assertThat(response.getErrors()).extracting(e -> e.getErrorCode()).containsExactly(ErrorCode.UNKNOWN_REPOSITORY_ID);
    }

    @Test
    void aRawSoapClientGetsMtomWithTheDocumentAsAttachment() throws Exception {
        byte[] content = new byte[50 * 1024 * 1024];
        new Random(43).nextBytes(content);
        store("doc-big", "application/octet-stream", content);
        String envelope = """
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa="http://www.w3.org/2005/08/addressing">
                  <soap:Header>
                    <wsa:Action soap:mustUnderstand="true">urn:ihe:iti:2007:RetrieveDocumentSet</wsa:Action>
                    <wsa:MessageID>urn:uuid:6a1c1f44-59a4-4c3e-8d0b-4f9a26f4b0a1</wsa:MessageID>
                    <wsa:To>http://localhost/services/repository/iti43</wsa:To>
                  </soap:Header>
                  <soap:Body>
                    <xdsb:RetrieveDocumentSetRequest xmlns:xdsb="urn:ihe:iti:xds-b:2007">
                      <xdsb:DocumentRequest><xdsb:RepositoryUniqueId>%s</xdsb:RepositoryUniqueId>
                        <xdsb:DocumentUniqueId>doc-big</xdsb:DocumentUniqueId></xdsb:DocumentRequest>
                      <xdsb:DocumentRequest><xdsb:RepositoryUniqueId>%s</xdsb:RepositoryUniqueId>
                        <xdsb:DocumentUniqueId>doc-a</xdsb:DocumentUniqueId></xdsb:DocumentRequest>
                    </xdsb:RetrieveDocumentSetRequest>
                  </soap:Body>
                </soap:Envelope>""".formatted(REPOSITORY, REPOSITORY);
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/services/repository/iti43"))
                .header("Content-Type", "application/soap+xml; charset=UTF-8; action=\"urn:ihe:iti:2007:RetrieveDocumentSet\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        RawMtom mtom = RawMtom.parse(response.headers().firstValue("Content-Type").orElseThrow(), response.body());
        String soap = new String(mtom.root(), StandardCharsets.UTF_8);
        assertThat(soap).contains("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        Matcher includes = Pattern.compile("<xop:Include[^>]*href=\"cid:([^\"]+)\"").matcher(soap);
        assertThat(includes.find()).isTrue();
        byte[] first = mtom.part(java.net.URLDecoder.decode(includes.group(1), StandardCharsets.UTF_8));
        assertThat(includes.find()).isTrue();
        byte[] second = mtom.part(java.net.URLDecoder.decode(includes.group(1), StandardCharsets.UTF_8));
        byte[] big = first.length > second.length ? first : second;
        assertThat(big.length).isEqualTo(content.length);
        assertThat(sha1(big)).isEqualTo(sha1(content));
        assertThat(new String(first.length > second.length ? second : first, StandardCharsets.UTF_8)).contains("æøå");
    }

    static byte[] read(InputStream in) throws Exception {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
