package dk.eojxds.ingest.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.eojxds.ingest.IngestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A push feed switched to the care scope, with its legal basis named: KL's care example is stored whole. */
@SpringBootTest(classes = IngestApplication.class, properties = {"spring.config.name=ingest-service",
        "eojxds.fkg.enabled=false", "eojxds.fsiii.feed-scopes.fsiii-push=care",
        "eojxds.fsiii.legal-basis=Test: data processing agreement 2026-17 (fictitious)"})
@AutoConfigureMockMvc
class FsiiiCareScopeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    java.util.List<InfoContributor> info;

    @Test
    void theCareExampleIsStoredWholeAndTheScopeAndItsBasisAreShown() throws Exception {
        jdbc.sql("TRUNCATE ingest.resource, ingest.change, ingest.quarantine, ingest.withheld").update();
        new FsiiiScopeTest().push(mvc, FsiiiScopeTest.example("care/JensHansen-1")).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.resource").query(Long.class).single()).isEqualTo(21);
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.withheld").query(Long.class).single()).isZero();

        // all 18 of KL's care examples are stored, none quarantined, and the last report of each wins
        for (String report : FsiiiScopeTest.CARE_EXAMPLES) {
            new FsiiiScopeTest().push(mvc, FsiiiScopeTest.example(report)).andExpect(status().isOk());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.quarantine").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.withheld").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status FROM ingest.resource WHERE resource_id = '0aff84ce-2b70-4677-bfa8-78c599d0eaf9'")
                .query(String.class).single()).isEqualTo("completed");
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.resource WHERE resource_id = '2d5aab71-9c3f-49b2-92e0-07619ae321e5'")
                .query(Long.class).single()).isEqualTo(1);

        Info.Builder builder = new Info.Builder();
        info.forEach(contributor -> contributor.contribute(builder));
        assertThat(builder.build().get("fsiii").toString())
                .contains("fsiii-push={scope=care}", "fsiii={scope=healthcare",
                        "legalBasis=Test: data processing agreement 2026-17 (fictitious)");
    }
}
