package dk.eojxds.repository.statistics;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.eojxds.repository.RepositoryApplication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The programme's measures from the audit trail, and the audit trail being append-only. */
@SpringBootTest(classes = RepositoryApplication.class, properties = {"spring.config.name=xds-repository-service",
                "eojxds.security.mode=none", "eojxds.security.insecure-local-development=true",
        "eojxds.repository.build-interval=PT1H"})
@AutoConfigureMockMvc
class UsageStatisticsTest {

    static final RequestPostProcessor OPERATOR = jwt().jwt(token -> token.subject("ops@sds"))
            .authorities(new SimpleGrantedAuthority("ROLE_OPERATOR"));

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private void lookup(String at, String userSor, String family, String cpr, String municipality) {
        jdbc.sql("""
                INSERT INTO repository.retrieve_audit (at, request_id, outcome, caller_verified, user_organisation_sor,
                    document_unique_id, family, citizen_cpr, data_municipality_sor)
                VALUES (?::timestamptz, ?, 'RETRIEVED', true, ?, 'd', ?, ?, ?)""")
                .param(at).param(UUID.randomUUID()).param(userSor).param(family).param(cpr).param(municipality).update();
    }

    @Test
    void measuresComeFromTheAuditTrailAndTheLoadedReferenceData() throws Exception {
        mvc.perform(post("/admin/reference/sor-units").with(OPERATOR).contentType("text/csv").content("""
                        sor;kind;name
                        111;EMERGENCY_DEPARTMENT;Akutmodtagelsen, Odense Universitetshospital
                        222;GENERAL_PRACTICE;Lægerne på Torvet
                        333;GENERAL_PRACTICE;Lægehuset Ærø
                        1301000016005;MUNICIPALITY;Ærø Kommune
                        """))
                .andExpect(status().isOk()).andExpect(jsonPath("$.loaded").value(4));
        lookup("2026-03-05T10:00:00+01", "111", "TELMA", "0101501234", "1301000016005");
        lookup("2026-03-06T10:00:00+01", "111", "TELMA", "0101501234", "1301000016005");
        lookup("2026-03-07T10:00:00+01", "222", "FSIII", "0202602345", "1301000016001");
        lookup("2026-04-01T10:00:00+02", "999", "TELMA", "0303703456", "1301000016005");

        mvc.perform(get("/statistics/citizens-per-month").with(OPERATOR).param("from", "2026-03-01").param("to", "2026-04-30"))
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[?(@.month=='2026-03' && @.family=='TELMA')].citizens").value(1))
                .andExpect(jsonPath("$[?(@.month=='2026-04' && @.family=='TELMA')].citizens").value(1));
        mvc.perform(get("/statistics/emergency-departments").with(OPERATOR).param("from", "2026-03-01").param("to", "2026-04-30"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].lookups").value(2));
        mvc.perform(get("/statistics/general-practices").with(OPERATOR).param("from", "2026-03-01").param("to", "2026-04-30"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].name").value("Lægerne på Torvet"));
        mvc.perform(get("/statistics/lookups-per-municipality").with(OPERATOR).param("from", "2026-03-01").param("to", "2026-04-30")
                        .param("format", "csv"))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2026-03;1301000016005;Ærø Kommune;2")));
    }

    @Test
    void badReferenceDataIsRefusedWithAProblem() throws Exception {
        mvc.perform(post("/admin/reference/sor-units").with(OPERATOR).contentType("text/csv").content("12;NOT_A_KIND;x"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theAuditTrailCannotBeChanged() {
        lookup("2026-05-01T10:00:00+02", "111", "TELMA", "0101501234", "1301000016005");
        assertThatThrownBy(() -> jdbc.sql("UPDATE repository.retrieve_audit SET outcome = 'REFUSED'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM repository.retrieve_audit").update())
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM repository.retrieve_audit").query(Long.class).single()).isPositive();
    }
}
