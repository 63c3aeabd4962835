package dk.eojxds.ingest.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.eojxds.ingest.testing.IngestApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The admin API over quarantined input and the FSIII push endpoint, with the real schema. */
@IngestApiTest
class QuarantineAndPushApiTest {

    private static final String REPORT_ENTRY = """
            {"fullUrl":"https://gw/Bundle/%1$s","resource":{"resourceType":"Bundle","id":"%1$s","type":"collection",
             "timestamp":"2026-11-20T12:00:00Z","entry":[
              {"fullUrl":"https://gw/Patient/p-%1$s","resource":{"resourceType":"Patient","id":"p-%1$s",
               "identifier":[{"system":"urn:oid:1.2.208.176.1.2","value":"%2$s"}],
               "managingOrganization":{"identifier":{"system":"urn:oid:1.2.208.176.1.1","value":"1301000016005"}}}},
              {"fullUrl":"https://gw/Condition/c-%1$s","resource":{"resourceType":"Condition","id":"c-%1$s",
               "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
               "code":{"coding":[{"system":"urn:oid:1.2.208.176.2.21","code":"%3$s"}]},
               "subject":{"reference":"Patient/p-%1$s"},"recordedDate":"2026-11-20"}}]}}
            """;

    // the decision is recorded under the authenticated operator, whatever the request body says
    static final RequestPostProcessor OPERATOR = jwt().jwt(token -> token.subject("ops@kommune"))
            .authorities(new SimpleGrantedAuthority("ROLE_OPERATOR"));
    static final RequestPostProcessor GATEWAY = jwt().jwt(token -> token.subject("fkg"))
            .authorities(new SimpleGrantedAuthority("ROLE_PUSH"));

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() {
        jdbc.sql("TRUNCATE ingest.resource, ingest.change, ingest.quarantine").update();
    }

    private static String delivery(String... entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":\"2026-11-20T12:00:00Z\",\"entry\":["
                + String.join(",", entries) + "]}";
    }

    @Test
    void aPushStoresTheValidReportsAndQuarantinesTheOthers() throws Exception {
        String valid = REPORT_ENTRY.formatted("r1", "0101501234", "I1.1");
        String unknownCode = REPORT_ENTRY.formatted("r2", "0202602345", "Z9.9");
        mvc.perform(post("/fhir/push/care-incremental-delivery").with(GATEWAY).contentType("application/fhir+json")
                        .content(delivery(valid, unknownCode)))
                // a report not stored is an error for the sender, though the valid one is stored
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith("application/fhir+json"))
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                .andExpect(jsonPath("$.issue[0].diagnostics").value(org.hamcrest.Matchers.containsString(
                        "1 reports not stored")))
                .andExpect(jsonPath("$.issue[1].severity").value("error"))
                .andExpect(jsonPath("$.issue[1].diagnostics").value(org.hamcrest.Matchers.containsString("condition-code")));
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.resource WHERE family = 'FSIII'").query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT resource_id FROM ingest.quarantine").query(String.class).single()).isEqualTo("r2");
    }

    @Test
    void aPushThatIsNoDeliveryAnswersAnOperationOutcomeWith400() throws Exception {
        mvc.perform(post("/fhir/push/care-incremental-delivery").with(GATEWAY).contentType("application/fhir+json").content("{oops"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                .andExpect(jsonPath("$.issue[0].severity").value("error"));
    }

    @Test
    void operatorsListShowReprocessAndDiscardWithProblemDetails() throws Exception {
        String unknownCode = REPORT_ENTRY.formatted("r3", "0101501234", "Z9.9");
        mvc.perform(post("/fhir/push/care-incremental-delivery").with(GATEWAY).contentType("application/fhir+json")
                .content(delivery(unknownCode))).andExpect(status().isUnprocessableEntity());
        long id = jdbc.sql("SELECT id FROM ingest.quarantine").query(Long.class).single();

        mvc.perform(get("/admin/quarantine").with(OPERATOR).param("state", "OPEN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].rawPayload").doesNotExist());
        mvc.perform(get("/admin/quarantine/" + id).with(OPERATOR))
                .andExpect(jsonPath("$.rawPayload").value(org.hamcrest.Matchers.containsString("Z9.9")))
                .andExpect(jsonPath("$.reasons[0]").value(org.hamcrest.Matchers.startsWith("condition-code:")));

        // still invalid: 422 with the reasons, and the item stays open
        mvc.perform(post("/admin/quarantine/" + id + "/reprocess").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"by\":\"mallory\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reasons[0]").value(org.hamcrest.Matchers.startsWith("condition-code:")));

        mvc.perform(post("/admin/quarantine/" + id + "/discard").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"by\":\"mallory\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("a reason is required to discard"));
        mvc.perform(post("/admin/quarantine/" + id + "/discard").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"by\":\"mallory\",\"reason\":\"test data sent by mistake\"}"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT state || '/' || resolved_by || '/' || resolution_note FROM ingest.quarantine")
                .query(String.class).single()).isEqualTo("DISCARDED/ops@kommune/test data sent by mistake");
        mvc.perform(post("/admin/quarantine/" + id + "/discard").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"by\":\"mallory\",\"reason\":\"again\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Already resolved"));
        mvc.perform(get("/admin/quarantine/999999").with(OPERATOR))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anItemThatPassesNowIsStoredWhenReprocessed() throws Exception {
        String report = REPORT_ENTRY.formatted("r4", "0101501234", "I1.1");
        String payload = report.substring(report.indexOf("\"resource\":") + 11, report.lastIndexOf('}'));
        jdbc.sql("""
                INSERT INTO ingest.quarantine (feed, family, resource_type, resource_id, position, reasons, raw_payload)
                VALUES ('fsiii-push', 'FSIII', 'Bundle', 'r4', 'push', '{"reader-error: since fixed"}', ?)
                """).param(payload).update();
        long id = jdbc.sql("SELECT id FROM ingest.quarantine").query(Long.class).single();
        mvc.perform(post("/admin/quarantine/" + id + "/reprocess").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"by\":\"mallory\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REPROCESSED"));
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.resource WHERE resource_id = 'c-r4'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(OPERATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/admin/quarantine/{id}/discard']").exists());
    }
}
