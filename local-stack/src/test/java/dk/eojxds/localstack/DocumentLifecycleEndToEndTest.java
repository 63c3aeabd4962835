package dk.eojxds.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import dk.eojxds.devstack.gateway.SimulatedGateway;
import dk.eojxds.devstack.gateway.SyntheticCitizens;
import dk.eojxds.devstack.gateway.SyntheticFsiii;
import dk.eojxds.devstack.gateway.SyntheticKpro;
import dk.eojxds.devstack.gateway.SyntheticTelma;
import dk.eojxds.devstack.registry.RegistryFaults;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.camel.ProducerTemplate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.DocumentReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The document life cycle over the whole stack: FSIII and K-PRO documents, replacement chains,
 * withdrawal, a registry outage and a registry that rejects one citizen's metadata.
 */
class DocumentLifecycleEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static LocalStack stack;
    private static SimulatedGateway gateway;
    private static RegistryFaults faults;
    private static JdbcClient db;
    private static final Random RANDOM = new Random(7);

    @BeforeAll
    static void startStack() {
        DatabaseCoordinates coordinates = PostgresServer.forTests().createDatabase("lifecycle");
        stack = LocalStack.start(coordinates, LocalStack.Ports.any(), Map.of(
                "dev-stack", List.of("eojxds.simulator.enabled=false"),
                "ingest-service", List.of("eojxds.fkg.poll-interval=PT0.2S"),
                // this test is about the documents' lifecycle; DGWS on ITI-43 is GatewayToRetrieveEndToEndTest's
                "xds-repository-service", List.of("eojxds.repository.build-interval=PT0.2S", "eojxds.security.mode=none",
                        "eojxds.security.insecure-local-development=true"),
                "registry-adapter", List.of("eojxds.registry.poll-interval=PT0.2S", "eojxds.registry.first-retry=PT0.2S",
                        "eojxds.registry.max-retry=PT1S")));
        gateway = stack.devStack().getBean(SimulatedGateway.class);
        faults = stack.devStack().getBean(RegistryFaults.class);
        // the test looks across schemas, which no service's role may: it reads as the owner
        db = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(coordinates.url(),
                coordinates.user(), coordinates.password()));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static SyntheticCitizens.Citizen citizen(String cpr) {
        return new SyntheticCitizens.Citizen(Cpr.of(cpr), SyntheticCitizens.MUNICIPALITIES.get(4));
    }

    @Test
    void threeFsiiiUpdatesMakeAReplacementChainWithOnlyTheNewestApproved() throws Exception {
        SyntheticCitizens.Citizen citizen = citizen("0303331234");
        SyntheticFsiii fsiii = new SyntheticFsiii(RANDOM);
        Instant first = Instant.now().minus(Duration.ofDays(3));
        for (int update = 0; update < 3; update++) {
            gateway.publish(fsiii.report(citizen, first.plus(Duration.ofDays(update))));
            int expected = update + 1;
            await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED,
                    AvailabilityStatus.DEPRECATED).size() == expected);
        }
        List<DocumentEntry> all = find(citizen.cpr(), AvailabilityStatus.APPROVED, AvailabilityStatus.DEPRECATED);
        assertThat(all).extracting(DocumentEntry::getAvailabilityStatus)
                .containsExactlyInAnyOrder(AvailabilityStatus.APPROVED, AvailabilityStatus.DEPRECATED,
                        AvailabilityStatus.DEPRECATED);
        DocumentEntry newest = find(citizen.cpr(), AvailabilityStatus.APPROVED).get(0);
        assertThat(newest.getMimeType()).isEqualTo("application/fhir+json");
        assertThat(newest.getTypeCode().getCode()).isEqualTo("18776-5");
        // the repository's chain: each document replaces the one before it
        List<String> chain = db.sql("""
                        SELECT coalesce(replaces_unique_id, '-') FROM repository.document
                        WHERE citizen_cpr = ? AND family = 'FSIII' ORDER BY stored_at""")
                .param(citizen.cpr().value()).query(String.class).list();
        assertThat(chain).hasSize(3).first().isEqualTo("-");

        Bundle document = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class,
                new String(retrieve(newest), StandardCharsets.UTF_8));
        assertThat(document.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(document.getEntryFirstRep().getResource().fhirType()).isEqualTo("Composition");
        // the default data scope is healthcare: nursing only, and metadata that says home nursing
        assertThat(new String(retrieve(newest), StandardCharsets.UTF_8)).contains("Helbredstilstande", "Sårbehandling")
                .doesNotContain("Funktionsevnetilstande", "Vaske sig");
        assertThat(newest.getPracticeSettingCode().getCode()).isEqualTo("658161000005107");
    }

    @Test
    void aCareReportOnTheHealthcareFeedLeavesNoCareDataInAnySchemaOrDocument() throws Exception {
        SyntheticCitizens.Citizen citizen = citizen("0909991234");
        // home care sent where only healthcare data is searched for (stamped with the healthcare profile)
        Bundle report = new SyntheticFsiii(RANDOM, dk.eojxds.model.fsiii.FsiiiScope.CARE).report(citizen,
                Instant.now().minus(Duration.ofHours(2)));
        report.getMeta().getProfile().clear();
        report.getMeta().addProfile(dk.eojxds.model.fsiii.FsiiiScope.HEALTHCARE.deliveryReportProfiles().get(0));
        gateway.publish(report);
        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED).size() == 1);
        String document = new String(retrieve(find(citizen.cpr(), AvailabilityStatus.APPROVED).get(0)),
                StandardCharsets.UTF_8);
        assertThat(document).contains("Sårbehandling");
        // the home-care condition (J1.1 or its UUID, "Vaske sig"), its goal and its intervention (H1.1)
        List<String> care = List.of("Vaske sig", "4d46bd94-9518-431c-82e8-ebb91bca307a", "\"J1.1\"", "\"H1.1\"",
                "Personlig hygiejne", "e182c5dc-9f91-474a-92e8-f62be3d498f4", "66959f77-6e2a-4574-8423-3ff097f8b9fa");
        String everything = String.join("\n", db.sql("""
                SELECT string_agg(t, E'\\n') FROM (
                    SELECT r::text AS t FROM ingest.resource r WHERE citizen_cpr = ?
                    UNION ALL SELECT q::text FROM ingest.quarantine q UNION ALL SELECT w::text FROM ingest.withheld w
                    UNION ALL SELECT convert_from(d.content, 'UTF8') || d::text FROM repository.document d WHERE citizen_cpr = ?) x
                """).param(citizen.cpr().value()).param(citizen.cpr().value()).query(String.class).list());
        for (String marker : care) {
            assertThat(everything).as("database").doesNotContain(marker);
            assertThat(document).as("document").doesNotContain(marker);
        }
        assertThat(db.sql("SELECT count(*) FROM ingest.withheld WHERE rule LIKE 'scope-goal:%'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void anOperatorsPurgeOfCareDataWithdrawsTheOverviewBuiltFromItAndStartsANewSeries() throws Exception {
        SyntheticCitizens.Citizen citizen = citizen("0808881234");
        gateway.publish(new SyntheticFsiii(RANDOM).report(citizen, Instant.now().minus(Duration.ofHours(2))));
        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED).size() == 1);
        String before = find(citizen.cpr(), AvailabilityStatus.APPROVED).get(0).getUniqueId();
        // care data stored while the feed had the care scope (now healthcare): a goal, written as the owner
        db.sql("""
                INSERT INTO ingest.resource (resource_type, resource_id, family, feed, citizen_cpr, partition_key,
                                             last_updated, status, raw_json)
                VALUES ('Goal', 'care-goal-0808881234', 'FSIII', 'fsiii', ?, 'current', now(), 'planned', ?)""")
                .param(citizen.cpr().value())
                .param("{\"resourceType\":\"Goal\",\"id\":\"care-goal-0808881234\",\"lifecycleStatus\":\"planned\","
                        + "\"description\":{\"text\":\"Tilstand mindskes\"},\"subject\":{\"reference\":\"Patient/x\"}}")
                .update();

        HttpClient http = HttpClient.newHttpClient();
        String operator = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + stack.ports().devStack()
                + "/test-issuer/token")).build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> purged = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + stack.ports().ingest() + "/admin/fsiii/purge-out-of-scope"))
                .header("Authorization", "Bearer " + operator).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(purged.statusCode()).isEqualTo(200);
        assertThat(purged.body()).contains("\"resources\":1", "scope-goal");

        // the overview built before the purge is withdrawn (ITI-57), not replaced; a new series starts
        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.DEPRECATED).stream()
                .anyMatch(entry -> entry.getUniqueId().equals(before)));
        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED).size() == 1);
        String after = find(citizen.cpr(), AvailabilityStatus.APPROVED).get(0).getUniqueId();
        assertThat(after).isNotEqualTo(before);
        assertThat(db.sql("SELECT coalesce(replaces_unique_id, '-') FROM repository.document WHERE unique_id = ?")
                .param(after).query(String.class).single()).isEqualTo("-");
        assertThat(db.sql("SELECT status FROM repository.document WHERE unique_id = ?").param(before)
                .query(String.class).single()).isEqualTo("WITHDRAWN");
        assertThat(db.sql("SELECT count(*) FROM ingest.resource WHERE resource_type = 'Goal' AND citizen_cpr = ?")
                .param(citizen.cpr().value()).query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT count(*) FROM ingest.fsiii_purge").query(Long.class).single()).isZero();

        // what the withdrawn overview showed is not retrievable any more; the new series' document is
        DocumentEntry withdrawn = find(citizen.cpr(), AvailabilityStatus.DEPRECATED).stream()
                .filter(entry -> entry.getUniqueId().equals(before)).findFirst().orElseThrow();
        RetrievedDocumentSet refused = retrieveSet(withdrawn);
        assertThat(refused.getDocuments()).isEmpty();
        assertThat(refused.getErrors()).extracting(error -> error.getErrorCode().getOpcode())
                .containsExactly("XDSDocumentUniqueIdError");
        assertThat(db.sql("SELECT length(content) FROM repository.document WHERE unique_id = ?").param(before)
                .query(Integer.class).single()).isZero();
        assertThat(retrieve(find(citizen.cpr(), AvailabilityStatus.APPROVED).get(0))).isNotEmpty();
    }

    @Test
    void aKproResponseBecomesQrdAndIsDeprecatedWhenEnteredInError() throws Exception {
        SyntheticCitizens.Citizen citizen = citizen("0404441234");
        QuestionnaireResponse response = new SyntheticKpro(RANDOM).response(citizen, Instant.now().minusSeconds(3600));
        gateway.publish(response);
        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED).size() == 1);
        DocumentEntry entry = find(citizen.cpr(), AvailabilityStatus.APPROVED).get(0);
        assertThat(entry.getTypeCode().getCode()).isEqualTo("74465-6");
        assertThat(new String(retrieve(entry), StandardCharsets.UTF_8)).contains("1.2.208.184.13.1", "følt dig ensom", "Hvor godt har du sovet?");

        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR);
        gateway.publish(response);
        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED).isEmpty());
        assertThat(find(citizen.cpr(), AvailabilityStatus.DEPRECATED)).extracting(DocumentEntry::getUniqueId)
                .containsExactly(entry.getUniqueId());
        // a deprecated document stays retrievable
        assertThat(retrieve(entry)).isNotEmpty();
    }

    @Test
    void documentsMadeWhileTheRegistryIsDownAreRegisteredExactlyOnceWhenItIsBack() {
        SyntheticCitizens.Citizen citizen = citizen("0505551234");
        faults.down(true);
        try {
            new SyntheticTelma(RANDOM).morningSet(citizen, Instant.now().minus(Duration.ofHours(2))).forEach(gateway::publish);
            await().atMost(WAIT).until(() -> db.sql("""
                    SELECT count(*) FROM registry.registration r JOIN repository.document d
                      ON d.unique_id = r.document_unique_id
                    WHERE d.citizen_cpr = ? AND r.state = 'PENDING' AND r.attempts >= 2""")
                    .param(citizen.cpr().value()).query(Long.class).single() == 1);
        } finally {
            faults.down(false);
        }
        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED).size() == 1);
        assertThat(db.sql("""
                SELECT count(*) FROM registry.registration r JOIN repository.document d ON d.unique_id = r.document_unique_id
                WHERE d.citizen_cpr = ? AND r.state = 'REGISTERED'""").param(citizen.cpr().value())
                .query(Long.class).single()).isEqualTo(1);
    }

    /**
     * After a restore, our database may not know that the registry already has a document (the
     * registration was committed after the restore point). The registration is sent again; the
     * registry answers XDSDuplicateUniqueIdInRegistry (same uniqueId, same hash), which is recorded
     * as registered: the registry keeps one document, and nothing is parked.
     */
    @Test
    void aRegistryThatAlreadyHasTheDocumentIsAnsweredAsRegisteredNotGivenASecondOne() {
        SyntheticCitizens.Citizen citizen = citizen("0202621234");
        gateway.publish(SyntheticTelma.observation(citizen, HomeMeasurement.PULSE, new BigDecimal("64"),
                Instant.now().minus(Duration.ofHours(4))));
        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED).size() == 1);
        String uniqueId = find(citizen.cpr(), AvailabilityStatus.APPROVED).get(0).getUniqueId();
        var registry = stack.devStack().getBean(dk.eojxds.devstack.registry.InMemoryRegistry.class);
        long resentBefore = registry.counts().resentDocuments();
        long registeredBefore = registry.counts().registered();

        // as after a point-in-time restore: our database has the document, but not its registration
        db.sql("DELETE FROM registry.registration WHERE document_unique_id = ?").param(uniqueId).update();
        db.sql("INSERT INTO repository.registration_outbox (document_unique_id, citizen_cpr, priority) VALUES (?, ?, 1)")
                .param(uniqueId).param(citizen.cpr().value()).update();

        await().atMost(WAIT).until(() -> db.sql("SELECT count(*) FROM registry.registration WHERE document_unique_id = ? "
                + "AND state = 'REGISTERED'").param(uniqueId).query(Long.class).single() == 1);
        assertThat(registry.counts().resentDocuments()).isEqualTo(resentBefore + 1);
        assertThat(registry.counts().registered()).isEqualTo(registeredBefore);
        assertThat(find(citizen.cpr(), AvailabilityStatus.APPROVED)).extracting(DocumentEntry::getUniqueId)
                .containsExactly(uniqueId);
        assertThat(db.sql("SELECT count(*) FROM repository.registration_outbox WHERE document_unique_id = ?")
                .param(uniqueId).query(Long.class).single()).isZero();
    }

    /**
     * After a restore the registry may hold versions of a series our database never saw (built
     * and registered after the restore point). A new version then cannot replace the one our
     * database calls current (the registry answers XDSRegistryDeprecatedDocumentError); it replaces
     * the registry's current version instead, found with GetRelatedDocuments. Withdrawing the day
     * afterwards likewise deprecates the version the registry shows, not only the one we know.
     */
    @Test
    void aRegistryThatKnowsNewerVersionsOfASeriesKeepsOneCurrentVersion() throws Exception {
        SyntheticCitizens.Citizen citizen = citizen("1010101234");
        Instant day = Instant.now().minus(Duration.ofHours(2));
        var first = SyntheticTelma.observation(citizen, HomeMeasurement.PULSE, new BigDecimal("66"), day);
        gateway.publish(first);
        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED).size() == 1);
        DocumentEntry ours = find(citizen.cpr(), AvailabilityStatus.APPROVED).get(0);
        var registry = stack.devStack().getBean(dk.eojxds.devstack.registry.InMemoryRegistry.class);
        DocumentEntry lost = registerAReplacementOurDatabaseDoesNotKnow(registry, ours);

        var second = SyntheticTelma.observation(citizen, HomeMeasurement.WEIGHT, new BigDecimal("71.5"),
                day.plusSeconds(60));
        gateway.publish(second);
        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED).stream()
                .noneMatch(e -> e.getUniqueId().equals(lost.getUniqueId())));
        List<DocumentEntry> approved = find(citizen.cpr(), AvailabilityStatus.APPROVED);
        assertThat(approved).as("one current version of the day").hasSize(1);
        String newest = approved.get(0).getUniqueId();
        assertThat(db.sql("SELECT state FROM registry.registration WHERE document_unique_id = ?").param(newest)
                .query(String.class).single()).isEqualTo("REGISTERED");
        assertThat(registry.replacementsOf(approved.get(0).getEntryUuid()).associations())
                .as("the new version replaced the registry's current one")
                .anyMatch(a -> a.getTargetUuid().equals(lost.getEntryUuid()));

        // the registry learns yet another version; then the municipality withdraws the whole day
        DocumentEntry lostAgain = registerAReplacementOurDatabaseDoesNotKnow(registry, approved.get(0));
        first.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.ENTEREDINERROR);
        second.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.ENTEREDINERROR);
        gateway.publish(first);
        gateway.publish(second);
        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED).isEmpty());
        assertThat(find(citizen.cpr(), AvailabilityStatus.DEPRECATED)).extracting(DocumentEntry::getUniqueId)
                .contains(lostAgain.getUniqueId(), newest);
    }

    /**
     * The operator's step after a restore: the registry still shows an Approved document of this
     * repository that the restored database never built (a new series' first version, registered
     * after the restore point); nothing could retrieve it. Reconciliation deprecates it and leaves
     * the documents the repository holds alone.
     */
    @Test
    void reconciliationAfterARestoreDeprecatesWhatTheRepositoryCannotServe() throws Exception {
        Instant since = Instant.now().minusSeconds(5);
        SyntheticCitizens.Citizen citizen = citizen("1111111234");
        gateway.publish(SyntheticTelma.observation(citizen, HomeMeasurement.PULSE, new BigDecimal("61"),
                Instant.now().minus(Duration.ofHours(1))));
        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED).size() == 1);
        DocumentEntry ours = find(citizen.cpr(), AvailabilityStatus.APPROVED).get(0);
        var registry = stack.devStack().getBean(dk.eojxds.devstack.registry.InMemoryRegistry.class);
        DocumentEntry unknown = org.apache.commons.lang3.SerializationUtils.clone(ours);
        unknown.setUniqueId(java.util.UUID.randomUUID().toString());
        unknown.setEntryUuid(dk.eojxds.model.DeterministicIds.entryUuid(unknown.getUniqueId()));
        var submission = new org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet();
        submission.getDocumentEntries().add(unknown);
        registry.register(submission);
        assertThat(find(citizen.cpr(), AvailabilityStatus.APPROVED)).hasSize(2);

        HttpResponse<String> queued = queueReconciliation(since);
        assertThat(queued.statusCode()).isEqualTo(200);
        assertThat(queued.body()).doesNotContain("\"queued\":0");

        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED).size() == 1);
        assertThat(find(citizen.cpr(), AvailabilityStatus.APPROVED)).extracting(DocumentEntry::getUniqueId)
                .containsExactly(ours.getUniqueId());
        assertThat(find(citizen.cpr(), AvailabilityStatus.DEPRECATED)).extracting(DocumentEntry::getUniqueId)
                .contains(unknown.getUniqueId());
    }

    /**
     * A version the restored database holds as replaced that the registry kept Approved (the lost
     * database registered its replacement under the same unique id with another predecessor, so
     * ours was answered as a duplicate and changed nothing there): reconciliation deprecates it,
     * since the registry must show only what this repository calls current.
     */
    @Test
    void reconciliationDeprecatesAVersionOurDatabaseNoLongerCallsCurrent() throws Exception {
        Instant since = Instant.now().minusSeconds(5);
        SyntheticCitizens.Citizen citizen = citizen("1212121234");
        gateway.publish(SyntheticTelma.observation(citizen, HomeMeasurement.PULSE, new BigDecimal("62"),
                Instant.now().minus(Duration.ofHours(1))));
        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED).size() == 1);
        String stale = find(citizen.cpr(), AvailabilityStatus.APPROVED).get(0).getUniqueId();
        // what the restore left: our database calls the version replaced, the registry Approved
        db.sql("UPDATE repository.document SET status = 'REPLACED' WHERE unique_id = ?").param(stale).update();

        HttpResponse<String> queued = queueReconciliation(since);
        assertThat(queued.statusCode()).isEqualTo(200);

        await().atMost(WAIT).until(() -> find(citizen.cpr(), AvailabilityStatus.APPROVED).isEmpty());
        assertThat(find(citizen.cpr(), AvailabilityStatus.DEPRECATED)).extracting(DocumentEntry::getUniqueId)
                .containsExactly(stale);
    }

    // the operator's step after a restore, with a token from the test issuer
    private static HttpResponse<String> queueReconciliation(Instant since) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String operator = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + stack.ports().devStack()
                + "/test-issuer/token")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + stack.ports().registryAdapter() + "/admin/reconciliation?since=" + since))
                .header("Authorization", "Bearer " + operator).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // as the lost database did before the restore: a version replacing {@code current}, registered
    private static DocumentEntry registerAReplacementOurDatabaseDoesNotKnow(
            dk.eojxds.devstack.registry.InMemoryRegistry registry, DocumentEntry current) {
        DocumentEntry lost = org.apache.commons.lang3.SerializationUtils.clone(current);
        String uniqueId = java.util.UUID.randomUUID().toString();
        lost.setUniqueId(uniqueId);
        lost.setEntryUuid(dk.eojxds.model.DeterministicIds.entryUuid(uniqueId));
        lost.setHash("0123456789abcdef0123456789abcdef01234567");
        var submission = new org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet();
        submission.getDocumentEntries().add(lost);
        submission.getAssociations().add(new org.openehealth.ipf.commons.ihe.xds.core.metadata.Association(
                org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType.REPLACE,
                "urn:uuid:" + java.util.UUID.randomUUID(), lost.getEntryUuid(), current.getEntryUuid()));
        assertThat(registry.register(submission).getStatus())
                .isEqualTo(org.openehealth.ipf.commons.ihe.xds.core.responses.Status.SUCCESS);
        return lost;
    }

    @Test
    void aDocumentTheRegistryRejectsIsParkedWithTheAnswerAndOthersFlowOn() throws Exception {
        SyntheticCitizens.Citizen rejected = citizen("0606661234");
        SyntheticCitizens.Citizen accepted = citizen("0707771234");
        faults.rejectPatient(rejected.cpr().value());
        Instant at = Instant.now().minus(Duration.ofHours(3));
        gateway.publish(SyntheticTelma.observation(rejected, HomeMeasurement.PULSE, new BigDecimal("70"), at));
        gateway.publish(SyntheticTelma.observation(accepted, HomeMeasurement.PULSE, new BigDecimal("71"), at));
        await().atMost(WAIT).until(() -> find(accepted.cpr(), AvailabilityStatus.APPROVED).size() == 1);
        await().atMost(WAIT).until(() -> db.sql("""
                SELECT count(*) FROM registry.registration r JOIN repository.document d ON d.unique_id = r.document_unique_id
                WHERE d.citizen_cpr = ? AND r.state = 'FAILED'""").param(rejected.cpr().value())
                .query(Long.class).single() == 1);
        HttpClient http = HttpClient.newHttpClient();
        String operator = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + stack.ports().devStack()
                + "/test-issuer/token")).build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> parked = http.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + stack.ports().registryAdapter() + "/admin/registrations?state=FAILED"))
                .header("Authorization", "Bearer " + operator).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(parked.body()).contains(ErrorCode.REGISTRY_METADATA_ERROR.toString());
        assertThat(find(rejected.cpr(), AvailabilityStatus.APPROVED)).isEmpty();
    }

    private static List<DocumentEntry> find(Cpr cpr, AvailabilityStatus... statuses) {
        return RegistryStandInQueries.find(stack, cpr, statuses);
    }

    private static RetrievedDocumentSet retrieveSet(DocumentEntry entry) {
        RetrieveDocumentSet request = new RetrieveDocumentSet();
        request.getDocuments().add(new DocumentReference(entry.getRepositoryUniqueId(), entry.getUniqueId(), null));
        return producer().requestBody("xds-iti43://localhost:" + stack.ports().repository()
                + "/services/repository/iti43", request, RetrievedDocumentSet.class);
    }

    private static byte[] retrieve(DocumentEntry entry) throws Exception {
        RetrievedDocumentSet response = retrieveSet(entry);
        try (InputStream in = response.getDocuments().get(0).getDataHandler().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static ProducerTemplate producer() {
        return stack.devStack().getBean(ProducerTemplate.class);
    }
}
