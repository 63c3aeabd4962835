package dk.eojxds.repository.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.uhn.fhir.context.ConfigurationException;
import dk.eojxds.handover.ChangeQueue;
import dk.eojxds.handover.Priority;
import dk.eojxds.handover.SeriesKey;
import dk.eojxds.repository.PinnedSts;
import dk.eojxds.repository.RepositoryApplication;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.Migrations;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A build failure that is not about the document (HAPI's ConfigurationException, as in issue 29)
 * is tried again by itself with backoff until the document is built; one caused by the document's
 * data is recorded once and waits for an operator; a transient one that keeps failing is given up
 * after {@code max-attempts}. The status page shows each kind. Against PostgreSQL, with a family of
 * its own whose builds fail as each test says.
 */
@SpringBootTest(classes = {RepositoryApplication.class, BuildRetryTest.Flaky.class},
        properties = {"spring.config.name=xds-repository-service", "eojxds.repository.build-interval=PT1H",
                "eojxds.repository.build-retry.interval=PT1H", "eojxds.repository.build-retry.first=PT0.2S",
                "eojxds.repository.build-retry.max=PT0.4S", "eojxds.repository.build-retry.max-attempts=3"})
@AutoConfigureMockMvc
class BuildRetryTest {

    static final String FAMILY = "FLAKY";

    /** A family whose decisions are scripted: each call takes the next outcome, then answers Unchanged. */
    @TestConfiguration
    static class Flaky {

        static final Deque<Supplier<FamilyDocuments.BuildDecision>> SCRIPT = new ArrayDeque<>();

        @Bean
        FamilyDocuments flakyFamily() {
            return new FamilyDocuments() {
                @Override
                public String family() {
                    return FAMILY;
                }

                @Override
                public BuildDecision decide(SeriesKey change, Optional<DocumentStore.CurrentDocument> current) {
                    Supplier<BuildDecision> next;
                    synchronized (SCRIPT) {
                        next = SCRIPT.poll();
                    }
                    return next == null ? new Unchanged() : next.get();
                }
            };
        }
    }

    @DynamicPropertySource
    static void sts(DynamicPropertyRegistry registry) {
        PinnedSts.pinAny(registry);
    }

    @Autowired
    DocumentBuildJob builds;
    @Autowired
    BuildRetries retries;
    @Autowired
    BuildFailures failures;
    @Autowired
    ChangeQueue changes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void ingestSchema() {
        Migrations.apply(new DatabaseCoordinates(environment.getProperty("eojxds.db.url"),
                environment.getProperty("eojxds.db.user"), environment.getProperty("eojxds.db.password", "")), "ingest");
        jdbc.sql("DELETE FROM repository.build_failure").update();
        jdbc.sql("DELETE FROM ingest.change WHERE family = ?").param(FAMILY).update();
        Flaky.SCRIPT.clear();
    }

    private static void script(Supplier<FamilyDocuments.BuildDecision> outcome) {
        synchronized (Flaky.SCRIPT) {
            Flaky.SCRIPT.add(outcome);
        }
    }

    private static SeriesKey series(String cpr) {
        return new SeriesKey(FAMILY, cpr, "overview");
    }

    private Map<String, Object> failure(SeriesKey series) {
        return jdbc.sql("SELECT kind, attempts, retry_at FROM repository.build_failure WHERE citizen_cpr = ?")
                .param(series.citizenCpr()).query().listOfRows().stream().findFirst().orElse(null);
    }

    private boolean pending(SeriesKey series) {
        return jdbc.sql("SELECT processed_at IS NULL FROM ingest.change WHERE family = ? AND citizen_cpr = ?")
                .param(FAMILY).param(series.citizenCpr()).query(Boolean.class).single();
    }

    @Test
    void aTransientFailureIsTriedAgainWithBackoffUntilTheDocumentIsBuilt() {
        SeriesKey citizen = series("0101501234");
        script(() -> {
            throw new ConfigurationException("HAPI-0648: null");
        });
        changes.enqueue(citizen, Priority.LIVE);

        builds.drain();

        assertThat(failure(citizen)).containsEntry("kind", "TRANSIENT").containsEntry("attempts", 1);
        assertThat(failure(citizen).get("retry_at")).isNotNull();
        assertThat(pending(citizen)).as("completed until its retry is due").isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> retries.retryDue() == 1);
        assertThat(pending(citizen)).isTrue();

        builds.drain();

        assertThat(failure(citizen)).as("built: the failure is gone").isNull();
        assertThat(pending(citizen)).isFalse();
    }

    @Test
    void aFailureOfTheDocumentsDataIsRecordedOnceAndWaitsForAnOperator() throws Exception {
        SeriesKey citizen = series("0202602345");
        script(() -> {
            throw new InvalidDocumentException("the FSIII document fails its checks: Bundle.type");
        });
        changes.enqueue(citizen, Priority.LIVE);

        builds.drain();

        assertThat(failure(citizen)).containsEntry("kind", "DATA").containsEntry("retry_at", null);
        assertThat(retries.retryDue()).isZero();
        assertThat(pending(citizen)).isFalse();
        assertThat(failure(citizen)).containsEntry("attempts", 1);
    }

    @Test
    void aTransientFailureThatKeepsFailingIsGivenUpAfterMaxAttemptsAndShownApart() throws Exception {
        SeriesKey citizen = series("0303703456");
        for (int i = 0; i < 3; i++) {
            script(() -> {
                throw new IllegalStateException("the CDA writer is broken");
            });
        }
        changes.enqueue(citizen, Priority.LIVE);
        builds.drain();
        for (int attempt = 2; attempt <= 3; attempt++) {
            await().atMost(Duration.ofSeconds(10)).until(() -> retries.retryDue() == 1);
            builds.drain();
            assertThat(failure(citizen)).containsEntry("attempts", attempt);
        }
        assertThat(failure(citizen)).containsEntry("kind", "TRANSIENT").containsEntry("retry_at", null);

        SeriesKey data = series("0202602345");
        script(() -> {
            throw new InvalidDocumentException("bad");
        });
        changes.enqueue(data, Priority.LIVE);
        builds.drain();
        SeriesKey retrying = series("0101501234");
        script(() -> {
            throw new ConfigurationException("HAPI-0648: null");
        });
        changes.enqueue(retrying, Priority.LIVE);
        builds.drain();

        assertThat(failures.summary()).extracting(BuildFailures.Summary::kind, BuildFailures.Summary::count)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("DATA", 1L),
                        org.assertj.core.groups.Tuple.tuple("TRANSIENT", 1L),
                        org.assertj.core.groups.Tuple.tuple("TRANSIENT_GIVEN_UP", 1L));
        Migrations.apply(new DatabaseCoordinates(environment.getProperty("eojxds.db.url"),
                environment.getProperty("eojxds.db.user"), environment.getProperty("eojxds.db.password", "")), "registry");
        String html = mvc.perform(get("/status/pipeline").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_OPERATOR"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        Map<String, String> counts = new java.util.HashMap<>();
        page.select("#queue-table tbody tr").forEach(row -> counts.put(row.selectFirst("th").text(),
                row.selectFirst("td.num").text()));
        assertThat(counts).containsEntry("Byggefejl i data (venter på ny ændring eller operatør)", "1")
                .containsEntry("Byggefejl, forbigående (forsøges igen automatisk)", "1")
                .containsEntry("Byggefejl, forbigående, opgivet (venter på operatør)", "1")
                .containsEntry("Venter på referencedata", "0");
    }
}
