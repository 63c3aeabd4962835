package dk.eojxds.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.eojxds.devstack.gateway.SimulatedGateway;
import dk.eojxds.devstack.gateway.SyntheticCitizens;
import dk.eojxds.devstack.gateway.SyntheticFsiii;
import dk.eojxds.devstack.gateway.SyntheticTelma;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.HomeMeasurement;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.PostgresServer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Municipalities going live, pausing and being withdrawn, over the whole stack as a fresh
 * installation starts it (nothing live): what reaches the registry stand-in in each state, the
 * operator API's refusals, and the history after a restart.
 */
class MunicipalityGoLiveEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int COPENHAGEN = 101;
    private static final int AARHUS = 751;
    private static final int ODENSE = 461;
    private static final int AALBORG = 851;
    private static final int AERO = 492;
    private static final int FREDERIKSBERG = 147;
    private static final Map<String, List<String>> SETTINGS = Map.of(
            "dev-stack", List.of("eojxds.simulator.enabled=false"),
            "ingest-service", List.of("eojxds.fkg.poll-interval=PT0.2S"),
            "xds-repository-service", List.of("eojxds.repository.build-interval=PT0.2S"),
            "registry-adapter", List.of("eojxds.registry.poll-interval=PT0.2S", "eojxds.registry.first-retry=PT0.2S",
                    "eojxds.registry.max-retry=PT1S"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static DatabaseCoordinates coordinates;
    private static LocalStack stack;
    private static JdbcClient db;
    private final SyntheticFsiii fsiii = new SyntheticFsiii(new Random(26));

    @BeforeAll
    static void startAsAFreshInstallation() {
        coordinates = PostgresServer.forTests().createDatabase("golive");
        stack = LocalStack.start(coordinates, LocalStack.Ports.any(), SETTINGS, LocalStack.Publishing.NOTHING_LIVE);
        db = JdbcClient.create(new DriverManagerDataSource(coordinates.url(), coordinates.user(), coordinates.password()));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aMunicipalityGoesLivePausesIsWithdrawnAndComesBackWithoutTouchingTheOthers() throws Exception {
        SyntheticCitizens.Citizen copenhagener = citizen("0404441234", 0);
        SyntheticCitizens.Citizen aarhusian = citizen("0505551234", 1);
        Instant day = Instant.now().minus(Duration.ofDays(5));

        // pending: built, held, nothing at the registry
        publish(copenhagener, day);
        publish(aarhusian, day);
        awaitStored(copenhagener, 1);
        awaitStored(aarhusian, 1);
        assertThat(heldSeries(copenhagener) + heldSeries(aarhusian)).isEqualTo(2);
        assertThat(approvedAndDeprecated(copenhagener)).isEmpty();
        assertThat(approvedAndDeprecated(aarhusian)).isEmpty();
        assertThat(operator("GET", "/admin/publishing", null).body()).contains("\"state\":\"PENDING\"", "\"waitingSeries\":1");

        // live: the backlog registered once
        assertThat(change(List.of(COPENHAGEN), "LIVE", "wave 1 go").statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> approved(copenhagener).size() == 1);
        String first = approved(copenhagener).get(0).getUniqueId();
        assertThat(first).isEqualTo(current(copenhagener));
        assertThat(registrationsOf(copenhagener)).isEqualTo(1);
        assertThat(approvedAndDeprecated(aarhusian)).as("Aarhus is still pending").isEmpty();

        // paused: changes built but not registered; live again registers the current state, not the one between
        assertThat(change(List.of(COPENHAGEN), "PAUSED", "data to be checked").statusCode()).isEqualTo(200);
        publish(copenhagener, day.plus(Duration.ofDays(1)));
        awaitStored(copenhagener, 2);
        publish(copenhagener, day.plus(Duration.ofDays(2)));
        awaitStored(copenhagener, 3);
        assertThat(approved(copenhagener)).extracting(DocumentEntry::getUniqueId).containsExactly(first);
        assertThat(change(List.of(COPENHAGEN), "LIVE", "data checked").statusCode()).isEqualTo(200);
        String third = current(copenhagener);
        await().atMost(WAIT).until(() -> approved(copenhagener).stream().anyMatch(e -> e.getUniqueId().equals(third)));
        assertThat(approved(copenhagener)).extracting(DocumentEntry::getUniqueId).containsExactly(third);
        assertThat(approvedAndDeprecated(copenhagener)).as("the version between was never registered").hasSize(2);

        // withdrawn: everything of Copenhagen deprecated with ITI-57, Aarhus (live by now) untouched
        assertThat(change(List.of(AARHUS), "LIVE", "wave 2 go").statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> approved(aarhusian).size() == 1);
        assertThat(change(List.of(COPENHAGEN), "WITHDRAWN", "wrong data published").statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> approved(copenhagener).isEmpty());
        assertThat(approvedAndDeprecated(copenhagener)).hasSize(2);
        assertThat(approved(aarhusian)).hasSize(1);

        // live again: a deprecated document cannot be replaced or registered again, so a new series starts
        Set<String> before = uniqueIds(approvedAndDeprecated(copenhagener));
        assertThat(change(List.of(COPENHAGEN), "LIVE", "data corrected").statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> approved(copenhagener).size() == 1);
        DocumentEntry renewed = approved(copenhagener).get(0);
        assertThat(before).doesNotContain(renewed.getUniqueId());
        assertThat(renewed.getUniqueId()).isEqualTo(current(copenhagener));
        assertThat(heldSeries(copenhagener)).isZero();
    }

    @Test
    void dataEnteredInErrorIsDeprecatedAlsoWhileItsMunicipalityIsPaused() throws Exception {
        SyntheticCitizens.Citizen aeroboer = citizen("0606661234", 4);
        assertThat(change(List.of(AERO), "LIVE", "pilot").statusCode()).isEqualTo(200);
        Observation pulse = SyntheticTelma.observation(aeroboer, HomeMeasurement.PULSE, new BigDecimal("71"),
                Instant.now().minus(Duration.ofHours(3)));
        SimulatedGateway gateway = stack.devStack().getBean(SimulatedGateway.class);
        gateway.publish(pulse);
        await().atMost(WAIT).until(() -> approved(aeroboer).size() == 1);

        assertThat(change(List.of(AERO), "PAUSED", "checking Ærø's data").statusCode()).isEqualTo(200);
        pulse.setStatus(Observation.ObservationStatus.ENTEREDINERROR);
        gateway.publish(pulse);
        await().atMost(WAIT).until(() -> approved(aeroboer).isEmpty());
        assertThat(approvedAndDeprecated(aeroboer)).hasSize(1);
    }

    @Test
    void documentsOfAnAuthorNoMunicipalityHasWaitUntilTheReferenceDataGivesItToALiveOne() throws Exception {
        SyntheticCitizens.Citizen citizen = new SyntheticCitizens.Citizen(Cpr.of("0707771234"),
                new Organisation("Frederiksberg Kommune", SorCode.of("1301000016099")));
        assertThat(change(List.of(FREDERIKSBERG), "LIVE", "go, SOR code still to come").statusCode()).isEqualTo(200);
        publish(citizen, Instant.now().minus(Duration.ofDays(2)));
        awaitStored(citizen, 1);
        assertThat(operator("GET", "/admin/publishing", null).body())
                .contains("{\"authorSor\":\"1301000016099\",\"family\":\"FSIII\",\"waitingSeries\":1}");
        assertThat(approvedAndDeprecated(citizen)).isEmpty();

        HttpResponse<String> loaded = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                                + stack.ports().repository() + "/admin/reference/municipalities"))
                        .header("Authorization", "Bearer " + stack.operatorToken()).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString("code;name;region;sor\n"
                                + FREDERIKSBERG + ";Frederiksberg Kommune;Region Hovedstaden;1301000016099\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loaded.statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> approved(citizen).size() == 1);
    }

    @Test
    void aWaveIsOneTransactionAndAChangeTheStatesDoNotAllowChangesNothing() throws Exception {
        assertThat(change(List.of(AALBORG), "LIVE", "pilot").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = change(List.of(AALBORG, ODENSE), "WITHDRAWN", "wave withdrawn");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(refused.body()).contains("Odense", "PENDING", "WITHDRAWN");
        assertThat(state(AALBORG, "TELMA")).as("nothing of the refused wave applied").isEqualTo("LIVE");

        assertThat(change(List.of(ODENSE, 999), "LIVE", "typo").statusCode()).isEqualTo(400);
        assertThat(change(List.of(ODENSE), "LIVE", " ").statusCode()).as("a reason is required").isEqualTo(400);
        assertThat(change(List.of(ODENSE), "PENDING", "back").statusCode()).isEqualTo(400);
        assertThat(state(ODENSE, "TELMA")).isEqualTo("PENDING");
    }

    @Test
    void onlyAnOperatorChangesStates() throws Exception {
        String body = changeBody(List.of(ODENSE), "LIVE", "not an operator");
        HttpResponse<String> anonymous = HTTP.send(post(body).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        String metricsOnly = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + stack.ports().devStack()
                + "/test-issuer/token?role=eojxds-metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> forbidden = HTTP.send(post(body).header("Authorization", "Bearer " + metricsOnly).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(state(ODENSE, "KPRO")).isEqualTo("PENDING");
    }

    @Test
    void theHistoryOutlivesARestartAndCannotBeRewritten() throws Exception {
        assertThat(change(List.of(AALBORG), "LIVE", "pilot").statusCode()).isEqualTo(200);
        assertThat(change(List.of(AALBORG), "PAUSED", "checking the pilot").statusCode()).isEqualTo(200);
        String history = operator("GET", "/admin/publishing/history?municipality=" + AALBORG, null).body();
        assertThat(history).contains("checking the pilot", "local-operator");

        stack.close();
        stack = LocalStack.start(coordinates, LocalStack.Ports.any(), SETTINGS, LocalStack.Publishing.NOTHING_LIVE);

        assertThat(operator("GET", "/admin/publishing/history?municipality=" + AALBORG, null).body()).isEqualTo(history);
        assertThat(state(AALBORG, "FSIII")).isEqualTo("PAUSED");
        // the service's own role may add to the history, never change it
        DatabaseCoordinates service = coordinates.as("eojxds_repository");
        JdbcClient asService = JdbcClient.create(new DriverManagerDataSource(service.url(), service.user(),
                service.password()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> asService.sql(
                        "UPDATE repository.publication_history SET reason = 'rewritten'").update())
                .hasStackTraceContaining("permission denied for table publication_history");
    }

    private static SyntheticCitizens.Citizen citizen(String cpr, int municipality) {
        return new SyntheticCitizens.Citizen(Cpr.of(cpr), SyntheticCitizens.MUNICIPALITIES.get(municipality));
    }

    private void publish(SyntheticCitizens.Citizen citizen, Instant at) {
        stack.devStack().getBean(SimulatedGateway.class).publish(fsiii.report(citizen, at));
    }

    private static void awaitStored(SyntheticCitizens.Citizen citizen, int documents) {
        await().atMost(WAIT).until(() -> db.sql("SELECT count(*) FROM repository.document WHERE citizen_cpr = ?")
                .param(citizen.cpr().value()).query(Long.class).single() == documents);
    }

    private static String current(SyntheticCitizens.Citizen citizen) {
        return db.sql("SELECT unique_id FROM repository.document WHERE citizen_cpr = ? AND status = 'CURRENT'")
                .param(citizen.cpr().value()).query(String.class).single();
    }

    private static long registrationsOf(SyntheticCitizens.Citizen citizen) {
        return db.sql("""
                        SELECT count(*) FROM registry.registration r JOIN repository.document d ON d.unique_id = r.document_unique_id
                        WHERE d.citizen_cpr = ? AND r.state = 'REGISTERED'""")
                .param(citizen.cpr().value()).query(Long.class).single();
    }

    private static long heldSeries(SyntheticCitizens.Citizen citizen) {
        return db.sql("SELECT count(*) FROM repository.held_series WHERE citizen_cpr = ?")
                .param(citizen.cpr().value()).query(Long.class).single();
    }

    private static List<DocumentEntry> approved(SyntheticCitizens.Citizen citizen) {
        return RegistryStandInQueries.find(stack, citizen.cpr(), AvailabilityStatus.APPROVED);
    }

    private static List<DocumentEntry> approvedAndDeprecated(SyntheticCitizens.Citizen citizen) {
        return RegistryStandInQueries.find(stack, citizen.cpr(), AvailabilityStatus.APPROVED,
                AvailabilityStatus.DEPRECATED);
    }

    private static Set<String> uniqueIds(List<DocumentEntry> entries) {
        Set<String> ids = new HashSet<>();
        entries.forEach(e -> ids.add(e.getUniqueId()));
        return ids;
    }

    private static String state(int municipality, String family) {
        return db.sql("SELECT coalesce((SELECT state FROM repository.publication WHERE municipality_code = ? AND family = ?), "
                        + "'PENDING')")
                .param(municipality).param(family).query(String.class).single();
    }

    private static HttpResponse<String> change(List<Integer> municipalities, String state, String reason)
            throws Exception {
        return operator("POST", "/admin/publishing", changeBody(municipalities, state, reason));
    }

    private static String changeBody(List<Integer> municipalities, String state, String reason) {
        return "{\"municipalities\":" + municipalities + ",\"state\":\"" + state + "\",\"reason\":\"" + reason + "\"}";
    }

    private static HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + stack.ports().repository() + "/admin/publishing"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> operator(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + stack.ports().repository() + path))
                        .header("Authorization", "Bearer " + stack.operatorToken()).header("Content-Type", "application/json")
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
