package dk.eojxds.ingest.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.eojxds.ingest.testing.IngestApiTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The default data scope (healthcare only) against KL's own example reports, written as JSON under
 * {@code kl-examples/}: the municipality-healthcare-data IG's TestPersonReport and the five Peter
 * Olsen reports are stored whole; the care IG's first Jens Hansen report (home care only) leaves
 * nothing of its care data anywhere in the database or the log.
 */
@IngestApiTest
@ExtendWith(OutputCaptureExtension.class)
class FsiiiScopeTest {

    static final RequestPostProcessor OPERATOR = jwt().jwt(token -> token.subject("ops@kommune"))
            .authorities(new SimpleGrantedAuthority("ROLE_OPERATOR"));
    static final RequestPostProcessor GATEWAY = jwt().jwt(token -> token.subject("fkg"))
            .authorities(new SimpleGrantedAuthority("ROLE_PUSH"));
    // what the Jens Hansen report says about the citizen's home care: codes, severities, goal
    // types, the goals' measure; none of it may be kept on a healthcare-only repository
    private static final List<String> CARE_PAYLOAD = List.of("J1.3", "J2.1", "J2.2", "J2.3", "J3.2", "J3.7", "J3.8",
            "H1.1", "H1.4", "H1.5", "H1.8", "H1.11", "e182c5dc-9f91-474a-92e8-f62be3d498f4",
            "66959f77-6e2a-4574-8423-3ff097f8b9fa", "ca552020-6ed1-4cdc-b0d4-32697f1f27ad");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE ingest.resource, ingest.change, ingest.quarantine, ingest.withheld, ingest.fsiii_purge").update();
    }

    static String example(String name) throws IOException {
        try (InputStream in = FsiiiScopeTest.class.getResourceAsStream("/kl-examples/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    ResultActions push(String report) throws Exception {
        return push(mvc, report);
    }

    ResultActions push(MockMvc mvc, String report) throws Exception {
        return mvc.perform(post("/fhir/push/care-incremental-delivery").with(GATEWAY).contentType("application/fhir+json")
                .content("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":\"2026-12-02T08:00:00Z\","
                        + "\"entry\":[{\"resource\":" + report + "}]}"));
    }

    private String storedStatus(String type, String id) {
        return jdbc.sql("SELECT status FROM ingest.resource WHERE resource_type = ? AND resource_id = ?")
                .param(type).param(id).query(String.class).single();
    }

    @Test
    void klsHealthcareExamplesAreStoredWholeAndTheLastReportWins() throws Exception {
        push(example("healthcare/TestPersonReport")).andExpect(status().isOk());
        for (int report = 1; report <= 5; report++) {
            push(example("healthcare/PeterOlsen-" + report)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.issue.length()").value(1));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.quarantine").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.withheld").query(Long.class).single()).isZero();
        // TestPerson: 7 resources; Peter Olsen: citizen, 2 conditions, 2 completed and 1 planned
        // intervention, 5 encounters, 4 follow-ups, 3 matters of interest
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.resource WHERE family = 'FSIII'").query(Long.class).single())
                .isEqualTo(7 + 18);
        assertThat(storedStatus("Condition", "a881788d-1b27-46e3-8b76-607bc49876fd")).isEqualTo("inactive");
        assertThat(storedStatus("Condition", "ad506910-9030-4ddb-b8ce-7bb6a69d808e")).isEqualTo("inactive");
        assertThat(storedStatus("CarePlan", "f99b219d-8b70-4423-a32f-d7e97d553305")).isEqualTo("completed");
        // stored exactly as sent, spacing and order included (HAPI would re-serialise it compactly)
        String sent = example("healthcare/TestPersonReport");
        int start = sent.indexOf("{\"resourceType\":\"Condition\"");
        String condition = sent.substring(start, sent.indexOf("\"recordedDate\":\"2020-08-14\"}", start) + 28);
        assertThat(jdbc.sql("SELECT raw_json FROM ingest.resource WHERE resource_id = 'ProblemerMedPersonligPleje'")
                .query(String.class).single()).isEqualTo(condition).contains("\n");
    }

    /** KL's 18 care example reports (kl-gateway), each series in its order, old codes then new. */
    static final List<String> CARE_EXAMPLES = java.util.stream.Stream.of("JensHansen-1", "JensHansen-2", "JensHansen-3",
            "JensHansenNew-1", "JensHansenNew-2", "JensHansenNew-3", "JensHansenNew-4", "PeterOlsen-1", "PeterOlsen-2",
            "PeterOlsen-3", "PeterOlsen-4", "PeterOlsen-5", "PeterOlsen-6", "PeterOlsenNew-1", "PeterOlsenNew-2",
            "PeterOlsenNew-3", "PeterOlsenNew-4", "PeterOlsenNew-5").map(name -> "care/" + name).toList();

    @Test
    void klsCareExamplesAreAllTakenOnAHealthcareFeedTheirNursingPartsStoredTheRestWithheld() throws Exception {
        for (String report : CARE_EXAMPLES) {
            push(example(report)).andExpect(status().isOk());
        }
        assertThat(jdbc.sql("SELECT resource_id || ': ' || array_to_string(reasons, ' | ') FROM ingest.quarantine")
                .query(String.class).list()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.resource WHERE resource_type = 'Goal'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT rule FROM ingest.withheld WHERE resource_id = '2d5aab71-9c3f-49b2-92e0-07619ae321e5'")
                .query(String.class).single()).startsWith("scope-citizens-own-observation:");
        // Peter Olsen's nursing: respiration treatment ended, mobility problems resolved (new codes)
        assertThat(storedStatus("CarePlan", "9a07e8ad-4e71-42c7-a67f-96f5944f51a6")).isEqualTo("completed");
        assertThat(storedStatus("Condition", "9c818a37-6525-49bb-bcea-5fe5df01f6f4")).isEqualTo("inactive");
    }

    @Test
    void anOperatorPurgesCareDataStoredBeforeTheScopeWasNarrowed() throws Exception {
        // Jens Hansen's report as a care-scoped push would have stored it, resource by resource
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(example("care/JensHansen-1"));
        for (com.fasterxml.jackson.databind.JsonNode entry : report.path("entry")) {
            com.fasterxml.jackson.databind.JsonNode resource = entry.path("resource");
            jdbc.sql("""
                    INSERT INTO ingest.resource (resource_type, resource_id, family, feed, citizen_cpr, partition_key,
                                                 last_updated, raw_json)
                    VALUES (?, ?, 'FSIII', 'fsiii-push', '0101410001', 'current', now(), ?)""")
                    .param(resource.path("resourceType").asText()).param(resource.path("id").asText())
                    .param(resource.toString()).update();
        }
        mvc.perform(post("/admin/fsiii/purge-out-of-scope").with(OPERATOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.citizens").value(1)).andExpect(jsonPath("$.resources").value(19))
                .andExpect(jsonPath("$.byRule['scope-goal']").value(7));
        assertThat(jdbc.sql("SELECT resource_type FROM ingest.resource ORDER BY 1").query(String.class).list())
                .containsExactly("Encounter", "Patient");
        assertThat(jdbc.sql("SELECT requested_by || '/' || resources FROM ingest.fsiii_purge").query(String.class).single())
                .isEqualTo("ops@kommune/19");
        assertThat(jdbc.sql("SELECT processed_at IS NULL FROM ingest.change WHERE citizen_cpr = '0101410001'")
                .query(Boolean.class).single()).isTrue();
        mvc.perform(get("/admin/fsiii/withheld").with(OPERATOR).param("feed", "fsiii-push")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(19))
                .andExpect(jsonPath("$[0].rule").value(org.hamcrest.Matchers.startsWith("purged scope-")));
        // a second purge finds nothing more
        mvc.perform(post("/admin/fsiii/purge-out-of-scope").with(OPERATOR)).andExpect(jsonPath("$.resources").value(0));
    }

    @Test
    void aCareReportLeavesNoCareDataAnywhereOnAHealthcareFeed(CapturedOutput log) throws Exception {
        push(example("care/JensHansen-1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.issue[0].diagnostics").value(org.hamcrest.Matchers.containsString(
                        "19 resources withheld")));
        // the citizen and the follow-up encounter are healthcare data; 7 conditions, 7 goals and
        // 5 planned interventions are home care: withheld by id, type and rule
        assertThat(jdbc.sql("SELECT resource_type FROM ingest.resource ORDER BY 1").query(String.class).list())
                .containsExactly("Encounter", "Patient");
        assertThat(jdbc.sql("SELECT rule, count(*) FROM ingest.withheld GROUP BY rule ORDER BY rule")
                .query((rs, i) -> rs.getString(1).substring(0, rs.getString(1).indexOf(':')) + "=" + rs.getLong(2)).list())
                .containsExactly("scope-condition=7", "scope-goal=7", "scope-intervention=5");

        // the same report broken (an encounter without a start) goes to the quarantine, cut to its healthcare part
        com.fasterxml.jackson.databind.node.ObjectNode report = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(example("care/JensHansen-1"));
        com.fasterxml.jackson.databind.JsonNode entries = report.path("entry");
        ((com.fasterxml.jackson.databind.node.ObjectNode) entries.get(entries.size() - 1).path("resource")).remove("period");
        String broken = report.toString();
        push(broken).andExpect(status().isUnprocessableEntity());
        assertThat(jdbc.sql("SELECT raw_payload FROM ingest.quarantine").query(String.class).single())
                .contains("4ca8acfb-1fd0-41b3-8a82-cac79ff9db51").doesNotContain("Goal");

        String everything = String.join("\n", jdbc.sql("""
                SELECT string_agg(t::text, E'\\n') FROM (
                    SELECT r::text AS t FROM ingest.resource r UNION ALL SELECT q::text FROM ingest.quarantine q
                    UNION ALL SELECT w::text FROM ingest.withheld w UNION ALL SELECT c::text FROM ingest.change c) x
                """).query(String.class).list());
        for (String care : CARE_PAYLOAD) {
            assertThat(everything).as("database").doesNotContain(care);
            assertThat(log.getAll()).as("log").doesNotContain(care);
        }
    }
}
