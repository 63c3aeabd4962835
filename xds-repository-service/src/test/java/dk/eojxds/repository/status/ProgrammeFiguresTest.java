package dk.eojxds.repository.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.eojxds.repository.PinnedSts;
import dk.eojxds.repository.RepositoryApplication;
import dk.eojxds.repository.statistics.UsageRollup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The programme's seed table (look-ups per municipality per month: 16,402 nationally in March
 * and 20,296 in April 2024, Copenhagen 9,722 in April) re-computed from a synthetic audit trail:
 * the status page, the CSV export and SQL straight over the audit give the same numbers, before
 * the audit is rolled up, half rolled up and wholly rolled up. The split of the national figures
 * over the other municipalities is made up for the test.
 */
@SpringBootTest(classes = RepositoryApplication.class, properties = {"spring.config.name=xds-repository-service",
        "eojxds.repository.build-interval=PT1H", "eojxds.statistics.rollup-interval=PT1000H"})
@AutoConfigureMockMvc
class ProgrammeFiguresTest {

    // DGWS on, as in production: this test sends no ID card, but needs no insecure switch to start
    @DynamicPropertySource
    static void sts(DynamicPropertyRegistry registry) {
        PinnedSts.pinAny(registry);
    }

    static final RequestPostProcessor OPERATOR = jwt().jwt(token -> token.subject("ops@sds"))
            .authorities(new SimpleGrantedAuthority("ROLE_OPERATOR"));
    static final String COPENHAGEN = "1301000016001";
    static final String AARHUS = "1301000016002";
    static final String ODENSE = "1301000016003";
    static final String AALBORG = "1301000016004";
    static final String AERO = "1301000016005";
    static final String EMERGENCY_DEPARTMENT = "410111";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UsageRollup rollup;

    /**
     * {@code requests} look-ups of one municipality's data in one month: each request retrieves one
     * to three documents (so counting rows would be wrong), every tenth is a citizen reading their
     * own data (from a pool of citizens, so some read twice), every seventh comes from the
     * emergency department. The first ten fall in the first Copenhagen hour of the month, which is
     * still the month before in UTC.
     */
    private void lookups(String month, String municipality, int requests) {
        jdbc.sql("""
                        WITH r AS (
                            SELECT i, gen_random_uuid() AS request_id,
                                   CASE WHEN i <= 10 THEN (?::date::timestamp AT TIME ZONE 'Europe/Copenhagen') + interval '30 minutes'
                                        ELSE (?::date::timestamp AT TIME ZONE 'Europe/Copenhagen') + (i % 27 + 1) * interval '1 day'
                                   END AS at,
                                   CASE WHEN i % 10 = 0 THEN 'nsi:Citizen' ELSE 'nsi:HealthcareProfessional' END AS user_type,
                                   CASE WHEN i % 7 = 0 THEN ? ELSE '999' || (i % 50) END AS organisation,
                                   lpad(((i * 7919) % 1300 + 1)::text, 6, '0') || '1234' AS cpr
                            FROM generate_series(1, ?) AS i
                        )
                        INSERT INTO repository.retrieve_audit (at, request_id, outcome, caller_verified, user_organisation_sor,
                            user_type, document_unique_id, family, citizen_cpr, data_municipality_sor)
                        SELECT r.at, r.request_id, 'RETRIEVED', true, r.organisation, r.user_type, 'doc-' || r.i || '-' || d,
                               'TELMA', r.cpr, ?
                        FROM r, generate_series(1, 1 + r.i % 3) AS d""")
                .param(month + "-01").param(month + "-01").param(EMERGENCY_DEPARTMENT).param(requests).param(municipality)
                .update();
    }

    private Map<String, Long> fromSql() {
        Map<String, Long> figures = new HashMap<>();
        jdbc.sql("""
                        SELECT to_char(date_trunc('month', at AT TIME ZONE 'Europe/Copenhagen'), 'YYYY-MM') || ';' || data_municipality_sor,
                               count(DISTINCT request_id)
                        FROM repository.retrieve_audit WHERE outcome = 'RETRIEVED' GROUP BY 1""")
                .query(rs -> {
                    figures.put(rs.getString(1), rs.getLong(2));
                });
        return figures;
    }

    private Map<String, Long> fromCsv() throws Exception {
        String csv = mvc.perform(get("/statistics/lookups-per-municipality").with(OPERATOR)
                        .param("from", "2024-03").param("to", "2024-04").param("format", "csv"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<String, Long> figures = new HashMap<>();
        csv.lines().skip(1).map(line -> line.split(";"))
                .forEach(c -> figures.put(c[0] + ";" + c[1], Long.parseLong(c[3])));
        return figures;
    }

    private Map<String, Long> fromPage(Document page) {
        List<String> months = page.select("#lookups-per-municipality thead th").eachText();
        Map<String, Long> figures = new HashMap<>();
        for (Element row : page.select("#lookups-per-municipality tbody tr")) {
            List<String> cells = row.select("td").eachText();
            for (int m = 1; m < months.size() - 1; m++) {
                long value = Long.parseLong(cells.get(m - 1));
                if (value > 0) {
                    figures.put(months.get(m) + ";" + row.attr("data-sor"), value);
                }
            }
        }
        return figures;
    }

    private Document page() throws Exception {
        return Jsoup.parse(mvc.perform(get("/status/programme").with(OPERATOR).param("til", "2024-04"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private long citizensFromSql(String month) {
        return jdbc.sql("""
                        SELECT count(DISTINCT citizen_cpr) FROM repository.retrieve_audit
                        WHERE outcome = 'RETRIEVED' AND user_type = 'nsi:Citizen'
                          AND to_char(date_trunc('month', at AT TIME ZONE 'Europe/Copenhagen'), 'YYYY-MM') = ?""")
                .param(month).query(Long.class).single();
    }

    @Test
    void theSeedTableFromThePageTheCsvAndSqlAlike() throws Exception {
        mvc.perform(post("/admin/reference/municipalities").with(OPERATOR).contentType("text/csv")
                        .content(Files.readString(Path.of("../ops/reference/municipalities-dev-stack.csv"))))
                .andExpect(status().isOk());
        mvc.perform(post("/admin/reference/sor-units").with(OPERATOR).contentType("text/csv").content(
                        EMERGENCY_DEPARTMENT + ";EMERGENCY_DEPARTMENT;Akutmodtagelsen, testhospitalet\n"
                                + "410112;EMERGENCY_DEPARTMENT;Akutmodtagelsen, uden opslag\n"))
                .andExpect(status().isOk());
        lookups("2024-03", COPENHAGEN, 8_104);
        lookups("2024-03", AARHUS, 4_000);
        lookups("2024-03", ODENSE, 2_298);
        lookups("2024-03", AERO, 2_000);
        lookups("2024-04", COPENHAGEN, 9_722);
        lookups("2024-04", AARHUS, 5_000);
        lookups("2024-04", ODENSE, 3_574);
        lookups("2024-04", AALBORG, 2_000);
        // neither a refusal nor a document not found is a look-up
        jdbc.sql("""
                INSERT INTO repository.retrieve_audit (at, request_id, outcome, caller_verified, data_municipality_sor, citizen_cpr, family)
                VALUES ('2024-03-10T10:00:00+01', gen_random_uuid(), 'REFUSED', false, NULL, NULL, NULL),
                       ('2024-03-10T10:00:00+01', gen_random_uuid(), 'NOT_FOUND', true, ?, '0101501234', 'TELMA')""")
                .param(COPENHAGEN).update();

        Map<String, Long> sql = fromSql();
        assertThat(sql.get("2024-04;" + COPENHAGEN)).isEqualTo(9_722);
        assertThat(sql.entrySet().stream().filter(e -> e.getKey().startsWith("2024-03")).mapToLong(Map.Entry::getValue).sum())
                .isEqualTo(16_402);
        long citizensMarch = citizensFromSql("2024-03");
        long citizensApril = citizensFromSql("2024-04");
        assertThat(citizensMarch).isPositive().isLessThan(1_640);

        for (Instant rolledUntil : new Instant[] {null, Instant.parse("2024-04-15T00:00:00Z"), Instant.parse("2024-06-01T00:00:00Z")}) {
            if (rolledUntil != null) {
                rollup.rollUntil(rolledUntil);
            }
            String when = rolledUntil == null ? "nothing rolled up" : "rolled up until " + rolledUntil;
            Document page = page();
            assertThat(fromPage(page)).as(when).isEqualTo(sql);
            assertThat(fromCsv()).as(when).isEqualTo(sql);
            assertThat(page.selectFirst("#national").select("td").eachText()).as(when)
                    .containsSequence("16402", "20296");
            assertThat(page.selectFirst("#months tr[data-month=2024-03] .citizens").text()).as(when)
                    .isEqualTo(Long.toString(citizensMarch));
            assertThat(page.selectFirst("#months tr[data-month=2024-04] .citizens").text()).as(when)
                    .isEqualTo(Long.toString(citizensApril));
            assertThat(page.selectFirst("#ed-with-lookups").text()).as(when).isEqualTo("1");
            assertThat(page.selectFirst("#ed-known").text()).as(when).isEqualTo("2");
            assertThat(page.selectFirst("#ed-without").text()).as(when).contains("Akutmodtagelsen, uden opslag")
                    .doesNotContain("testhospitalet");
            assertThat(page.selectFirst("#csv").attr("href")).contains("from=2023-05", "to=2024-04", "format=csv");
        }
    }
}
