package dk.eojxds.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.eojxds.devstack.gateway.SimulatedGateway;
import dk.eojxds.devstack.gateway.SyntheticCitizens;
import dk.eojxds.devstack.gateway.SyntheticTelma;
import dk.eojxds.devstack.registry.InMemoryRegistry;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.HomeMeasurement;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.requests.DocumentReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocument;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What sundhed.dk does, against the whole stack over real HTTP: measurements published at the
 * gateway simulator are ingested, built into a PHMR-DK document, registered; ITI-18 finds the
 * citizen's document at the registry and ITI-43 retrieves it from the repository.
 */
class GatewayToRetrieveEndToEndTest {

    private static final Cpr CITIZEN = Cpr.of("1203521234");
    private static LocalStack stack;
    private static List<Observation> published;

    @BeforeAll
    static void startStack() {
        DatabaseCoordinates db = PostgresServer.forTests().createDatabase("e2e");
        // the whole flow with DGWS on: the repository trusts the dev-stack's test STS
        String ca;
        try {
            ca = java.nio.file.Files.createTempFile("e2e-test-sts-ca", ".pem").toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        stack = LocalStack.start(db, LocalStack.Ports.any(), Map.of(
                "dev-stack", List.of("eojxds.simulator.enabled=false", "eojxds.test-sts.ca-file=" + ca),
                "ingest-service", List.of("eojxds.fkg.poll-interval=PT0.2S", "eojxds.fkg.feeds.telma.page-size=2"),
                "xds-repository-service", List.of("eojxds.repository.build-interval=PT0.2S", "eojxds.security.mode=dgws"),
                "registry-adapter", List.of("eojxds.registry.poll-interval=PT0.2S")));
        SyntheticCitizens.Citizen citizen = new SyntheticCitizens.Citizen(CITIZEN, SyntheticCitizens.MUNICIPALITIES.get(4));
        Instant morning = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
        published = List.of(
                SyntheticTelma.observation(citizen, HomeMeasurement.SYSTOLIC_PRESSURE, new BigDecimal("142"), morning),
                SyntheticTelma.observation(citizen, HomeMeasurement.DIASTOLIC_PRESSURE, new BigDecimal("91"), morning),
                SyntheticTelma.observation(citizen, HomeMeasurement.OXYGEN_SATURATION, new BigDecimal("94"),
                        morning.plusSeconds(60)),
                SyntheticTelma.observation(citizen, HomeMeasurement.WEIGHT, new BigDecimal("81.4"),
                        morning.plusSeconds(120)));
        SimulatedGateway gateway = stack.devStack().getBean(SimulatedGateway.class);
        published.forEach(gateway::publish);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aCitizensMeasurementsCanBeFoundAndRetrievedAsPhmr() throws Exception {
        // the gateway pages two measurements at a time: the day's first document may hold only the
        // first page and be replaced once the rest is read; wait for the approved one with all of them
        await().atMost(Duration.ofSeconds(60)).until(() -> approvedDocuments(CITIZEN).getDocumentEntries().stream()
                .anyMatch(e -> e.getEventCodeList().size() == 3));

        DocumentEntry entry = findDocuments(CITIZEN).get(0);
        assertThat(entry.getMimeType()).isEqualTo("text/xml");
        assertThat(entry.getTypeCode().getCode()).isEqualTo("53576-5");
        assertThat(entry.getFormatCode().getCode()).isEqualTo("urn:ad:dk:medcom:phmr-v2.1:full");
        assertThat(entry.getAuthors().get(0).getAuthorInstitution().get(0).getIdNumber())
                .isEqualTo(SyntheticCitizens.MUNICIPALITIES.get(4).sor().value());
        // NPU03011 (oxygen saturation) is measured but not in MedCom's eventCodeList value set
        assertThat(entry.getEventCodeList()).extracting(c -> c.getCode())
                .containsExactly("DNK05472", "DNK05473", "NPU03804");
        assertThat(entry.getEventCodeList()).extracting(c -> c.getSchemeName()).containsOnly("1.2.208.176.2.1");
        // PID-5/7/8 as the Danish metadata profile requires; the name is the one the PHMR shows
        assertThat(entry.getSourcePatientInfo().getGender()).isIn("M", "F");
        assertThat(entry.getSourcePatientInfo().getDateOfBirth()).isNotNull();
        String family = entry.getSourcePatientInfo().getNames().next().getFamilyName();
        assertThat(family).isNotBlank();

        RetrievedDocumentSet retrieved = retrieve(entry.getRepositoryUniqueId(), entry.getUniqueId());
        assertThat(retrieved.getStatus()).isEqualTo(Status.SUCCESS);
        RetrievedDocument document = retrieved.getDocuments().get(0);
        byte[] bytes = readAll(document.getDataHandler().getInputStream());
        assertThat(sha1(bytes)).isEqualTo(entry.getHash());
        assertThat((long) bytes.length).isEqualTo(entry.getSize());
        assertThat(document.getMimeType()).isEqualTo("text/xml");

        String phmr = new String(bytes, StandardCharsets.UTF_8);
        assertThat(phmr)
                .contains("<templateId root=\"1.2.208.184.11.1\"/>")
                .contains("extension=\"" + CITIZEN.value() + "\" root=\"1.2.208.176.1.2\"")
                .contains("Hjemmemålinger", "Ærø Kommune", "Iltmætning")
                // name and address from the CPR lookup (the dev-stack's stand-in, called with an ID card)
                .contains("<city>Testby</city>", "<country>Danmark</country>", "extension=\"phmr-v2.1\"")
                .contains("<family>" + family + "</family>")
                .contains("code=\"DNK05472\"", "value=\"142\"", "value=\"91\"", "value=\"94\"", "value=\"81.4\"");
    }

    @Test
    void theReadmeCallsWorkOverPlainHttpAndTheRetrieveAnswerIsMtom() throws Exception {
        InMemoryRegistry registry = stack.devStack().getBean(InMemoryRegistry.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> registry.size() >= 1);
        HttpClient http = HttpClient.newHttpClient();

        String iti18Url = "http://localhost:" + stack.ports().devStack() + "/services/registry/iti18";
        HttpResponse<String> found = http.send(soap(iti18Url, example("iti18-find-documents.xml", Map.of(
                "${CPR}", CITIZEN.value(), "${ITI18_URL}", iti18Url))), HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).isEqualTo(200);
        DocumentEntry entry = findDocuments(CITIZEN).get(0);
        assertThat(found.body()).contains(entry.getUniqueId()).contains("ResponseStatusType:Success");

        String iti43Url = "http://localhost:" + stack.ports().repository() + "/services/repository/iti43";
        Map<String, String> request = Map.of("${REPOSITORY_UNIQUE_ID}", entry.getRepositoryUniqueId(),
                "${DOCUMENT_UNIQUE_ID}", entry.getUniqueId(), "${ITI43_URL}", iti43Url, "${DGWS_HEADERS}", "");
        HttpResponse<String> refused = http.send(soap(iti43Url, example("iti43-retrieve.xml", request)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(refused.body()).contains("FailedAuthentication");
        Map<String, String> withCard = new java.util.HashMap<>(request);
        withCard.put("${DGWS_HEADERS}", stsHeaders());
        HttpResponse<byte[]> retrieved = http.send(soap(iti43Url, example("iti43-retrieve.xml", withCard)),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(retrieved.statusCode()).isEqualTo(200);
        String contentType = retrieved.headers().firstValue("Content-Type").orElseThrow();
        assertThat(contentType).startsWith("multipart/related").contains("application/xop+xml");
        String body = new String(retrieved.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("xop:Include").contains("<ClinicalDocument");
    }

    @Test
    void everyServiceReportsHealthInfoAndItsPipelineMetrics() throws Exception {
        InMemoryRegistry registry = stack.devStack().getBean(InMemoryRegistry.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> registry.size() >= 1);
        HttpClient http = HttpClient.newHttpClient();
        String operator = token(http, "role=eojxds-operator");
        String scraper = token(http, "role=eojxds-metrics");
        // the pipeline's metrics, and the gauges the alert rules (ops/prometheus) read by these names
        Map<ConfigurableApplicationContext, List<String>> metricByService = Map.of(
                stack.ingest(), List.of("eojxds_ingest_resources_total", "eojxds_ingest_cursor_age{"),
                stack.repository(), List.of("eojxds_repository_build_seconds",
                        "eojxds_handover_changes_pending{priority=\"live\"}", "eojxds_repository_build_waiting_documents ",
                        "eojxds_repository_audit_failures_total "),
                stack.registryAdapter(), List.of("eojxds_registry_register_seconds",
                        "eojxds_handover_registrations_pending ", "eojxds_registry_parked{"));
        for (Map.Entry<ConfigurableApplicationContext, List<String>> service : metricByService.entrySet()) {
            String base = "http://localhost:" + LocalStack.managementPort(service.getKey()) + "/actuator/";
            HttpResponse<String> anonymous = get(http, base + "health", null);
            assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(200);
            assertThat(anonymous.body()).startsWith("{\"status\":\"UP\"").doesNotContain("components")
                    .doesNotContain("\"db\"");
            HttpResponse<String> health = get(http, base + "health", operator);
            assertThat(health.body()).startsWith("{\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"");
            assertThat(get(http, base + "health/readiness", null).statusCode()).isEqualTo(200);
            assertThat(get(http, base + "info", null).body()).contains("description");
            assertThat(get(http, base + "prometheus", null).statusCode()).isEqualTo(401);
            assertThat(get(http, base + "prometheus", scraper).body()).contains(service.getValue().toArray(String[]::new));
        }
    }

    /** The findings of the security review, tried against the running stack: nothing answers without credentials. */
    @Test
    void noOperatorOrPushEndpointAnswersWithoutCredentials() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> closed = List.of(
                "http://localhost:" + stack.ports().ingest() + "/admin/quarantine",
                "http://localhost:" + stack.ports().repository() + "/admin/build-failures",
                "http://localhost:" + stack.ports().repository() + "/statistics/citizens-per-month?from=2026-01-01&to=2026-12-31",
                "http://localhost:" + stack.ports().repository() + "/status",
                "http://localhost:" + stack.ports().repository() + "/status/programme",
                "http://localhost:" + stack.ports().repository() + "/admin/reference/municipalities",
                "http://localhost:" + stack.ports().registryAdapter() + "/admin/registrations",
                "http://localhost:" + LocalStack.managementPort(stack.ingest()) + "/actuator/initialload");
        for (String url : closed) {
            assertThat(get(http, url, null).statusCode()).as(url).isEqualTo(401);
        }
        HttpResponse<String> push = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + stack.ports().ingest()
                        + "/fhir/push/care-incremental-delivery")).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Bundle\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(push.statusCode()).isEqualTo(401);
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + stack.ports().repository() + "/admin/reference/sor-units")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("1;MUNICIPALITY;x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(401);
        String operator = token(http, "role=eojxds-operator");
        assertThat(get(http, "http://localhost:" + stack.ports().registryAdapter() + "/admin/registrations", operator)
                .statusCode()).isEqualTo(200);
    }

    private String token(HttpClient http, String query) throws Exception {
        return get(http, "http://localhost:" + stack.ports().devStack() + "/test-issuer/token?" + query, null).body();
    }

    private static HttpResponse<String> get(HttpClient http, String url, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private QueryResponse approvedDocuments(Cpr cpr) {
        FindDocumentsQuery query = new FindDocumentsQuery();
        query.setPatientId(new Identifiable(cpr.value(), new AssigningAuthority(Cpr.OID)));
        query.setStatus(List.of(AvailabilityStatus.APPROVED));
        return producer().requestBody("xds-iti18://localhost:" + stack.ports().devStack()
                + "/services/registry/iti18", new QueryRegistry(query, QueryReturnType.LEAF_CLASS), QueryResponse.class);
    }

    private List<DocumentEntry> findDocuments(Cpr cpr) {
        QueryResponse response = approvedDocuments(cpr);
        assertThat(response.getStatus()).isEqualTo(Status.SUCCESS);
        assertThat(response.getDocumentEntries()).hasSize(1);
        return response.getDocumentEntries();
    }

    private RetrievedDocumentSet retrieve(String repositoryUniqueId, String documentUniqueId) throws Exception {
        RetrieveDocumentSet request = new RetrieveDocumentSet();
        request.getDocuments().add(new DocumentReference(repositoryUniqueId, documentUniqueId, null));
        return producer().requestBodyAndHeader("xds-iti43://localhost:" + stack.ports().repository()
                        + "/services/repository/iti43", request,
                org.openehealth.ipf.platform.camel.ihe.ws.AbstractWsEndpoint.OUTGOING_SOAP_HEADERS, dgwsHeaders(),
                RetrievedDocumentSet.class);
    }

    /** A fresh ID card and medcom:Header from the dev-stack's test STS. */
    private static String stsHeaders() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + stack.ports().devStack() + "/sts/soap-headers")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The STS headers as CXF SOAP headers, for the IPF client. */
    private static List<org.apache.cxf.headers.Header> dgwsHeaders() throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Element root = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                new java.io.StringReader("<h>" + stsHeaders() + "</h>"))).getDocumentElement();
        List<org.apache.cxf.headers.Header> headers = new java.util.ArrayList<>();
        for (org.w3c.dom.Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof org.w3c.dom.Element element) {
                headers.add(new org.apache.cxf.headers.Header(new javax.xml.namespace.QName(element.getNamespaceURI(),
                        element.getLocalName()), element));
            }
        }
        return headers;
    }

    private static ProducerTemplate producer() {
        return stack.devStack().getBean(ProducerTemplate.class);
    }

    private static String example(String name, Map<String, String> values) throws Exception {
        String text = Files.readString(Path.of("..", "docs", "examples", name));
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        return text;
    }

    private static HttpRequest soap(String url, String envelope) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/soap+xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
    }

    private static byte[] readAll(InputStream in) throws Exception {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }
}
