package dk.eojxds.repository.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.eojxds.repository.PinnedSts;
import dk.eojxds.repository.RepositoryApplication;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The status page's municipality and pipeline views against rows put into all three schemas: what
 * it shows is what the database holds, silent municipalities stand out, CPR numbers in registry
 * errors are masked, and only operators see any of it.
 */
@SpringBootTest(classes = RepositoryApplication.class, properties = {"spring.config.name=xds-repository-service",
        "eojxds.repository.build-interval=PT1H"})
@AutoConfigureMockMvc
class StatusPageTest {

    // DGWS on, as in production: this test sends no ID card, but needs no insecure switch to start
    @DynamicPropertySource
    static void sts(DynamicPropertyRegistry registry) {
        PinnedSts.pinAny(registry);
    }

    static final RequestPostProcessor OPERATOR = jwt().jwt(token -> token.subject("ops@sds"))
            .authorities(new SimpleGrantedAuthority("ROLE_OPERATOR"));
    static final String COPENHAGEN = "1301000016001";
    static final String AERO = "1301000016005";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @Autowired
    MunicipalitySilence silence;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @BeforeEach
    void otherServicesSchemasAndReferenceData() throws Exception {
        DatabaseCoordinates db = new DatabaseCoordinates(environment.getProperty("eojxds.db.url"),
                environment.getProperty("eojxds.db.user"), environment.getProperty("eojxds.db.password", ""));
        Migrations.apply(db, "ingest");
        Migrations.apply(db, "registry");
        mvc.perform(post("/admin/reference/municipalities").with(OPERATOR).contentType("text/csv")
                        .content(Files.readString(Path.of("../ops/reference/municipalities-dev-stack.csv"))))
                .andExpect(status().isOk());
    }

    private void resource(String id, String sor, String family, String receivedAgo) {
        jdbc.sql("""
                        INSERT INTO ingest.resource (resource_type, resource_id, family, feed, citizen_cpr, partition_key,
                            last_updated, raw_json, received_at, municipality_sor)
                        VALUES ('Observation', ?, ?, 'telma', '0101501234', '2026-01-01', now(), '{}',
                                now() - ?::interval, ?)
                        ON CONFLICT DO NOTHING""")
                .param(id).param(family).param(receivedAgo).param(sor).update();
    }

    private void document(String uniqueId, String sor, String family) {
        jdbc.sql("""
                        INSERT INTO repository.document (unique_id, entry_uuid, family, citizen_cpr, partition_key, status,
                            author_name, author_sor, class_code, class_code_scheme, class_code_display, type_code,
                            type_code_scheme, type_code_display, format_code, format_code_scheme, format_code_display,
                            confidentiality_code, language_code, facility_type_code, facility_type_display,
                            practice_setting_code, practice_setting_display, title, creation_time, mime_type, hash_sha1,
                            size_bytes, repository_unique_id, home_community_id, content, source_fingerprint,
                            patient_family, patient_given)
                        VALUES (?, 'urn:uuid:' || gen_random_uuid(), ?, '0101501234', ?, 'CURRENT', 'a', ?, 'c', 's', 'd',
                                't', 's', 'd', 'f', 's', 'd', 'N', 'da-DK', 'x', 'x', 'x', 'x', 'T', now(), 'text/xml',
                                repeat('0', 40), 1, '1.2', 'urn:oid:1.2', '\\x00', repeat('0', 40), 'F', ARRAY['G'])
                        ON CONFLICT DO NOTHING""")
                .param(uniqueId).param(family).param(uniqueId).param(sor).update();
    }

    private Document page(String path) throws Exception {
        String html = mvc.perform(get(path).with(OPERATOR)).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'")))
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void municipalitiesShowWhatArrivedWhatWasBuiltAndWhatWaits() throws Exception {
        resource("cph-1", COPENHAGEN, "TELMA", "1 minute");
        resource("cph-2", COPENHAGEN, "TELMA", "2 hours");
        resource("cph-3", COPENHAGEN, "TELMA", "3 days");
        resource("cph-old", COPENHAGEN, "TELMA", "9 days");
        resource("aero-1", AERO, "KPRO", "5 days");
        resource("stranger", "999000111", "TELMA", "1 hour");
        document("2.25.1", COPENHAGEN, "TELMA");
        document("2.25.2", COPENHAGEN, "TELMA");
        jdbc.sql("INSERT INTO repository.registration_outbox (document_unique_id, citizen_cpr) VALUES ('2.25.1', '0101501234') ON CONFLICT DO NOTHING").update();
        // freshness: two registered documents, 4 s and 8 s from received to registered
        for (String[] d : new String[][] {{"2.25.4", "4"}, {"2.25.5", "8"}}) {
            document(d[0], COPENHAGEN, "TELMA");
            jdbc.sql("UPDATE repository.document SET source_received_at = now() - interval '1 minute' WHERE unique_id = ?")
                    .param(d[0]).update();
            jdbc.sql("""
                    INSERT INTO registry.registration (document_unique_id, entry_uuid, submission_set_unique_id, state, registered_at)
                    VALUES (?, 'urn:uuid:z', '2.25.9', 'REGISTERED', now() - interval '1 minute' + ? * interval '1 second')
                    ON CONFLICT DO NOTHING""").param(d[0]).param(Integer.parseInt(d[1])).update();
        }
        jdbc.sql("""
                INSERT INTO registry.registration (document_unique_id, entry_uuid, submission_set_unique_id, state, attempts, last_error)
                VALUES ('2.25.2', 'urn:uuid:x', '2.25.9', 'FAILED', 3, 'XDSUnknownPatientId: patient 0101501234 unknown')
                ON CONFLICT DO NOTHING""").update();

        jdbc.sql("""
                INSERT INTO ingest.quarantine (feed, family, reasons, raw_payload, municipality_sor)
                VALUES ('telma', 'TELMA', ARRAY['value-range: implausible'], '{"x":1}', ?)""").param(COPENHAGEN).update();

        Document page = page("/status");
        Element cph = page.selectFirst("#municipalities tr[data-sor=" + COPENHAGEN + "][data-family=TELMA]");
        assertThat(cph).isNotNull();
        assertThat(cph.selectFirst(".resources-day").text()).isEqualTo("2");
        assertThat(cph.selectFirst(".resources-week").text()).isEqualTo("3");
        assertThat(cph.selectFirst(".documents-day").text()).isEqualTo("4");
        assertThat(cph.selectFirst(".freshness").text()).isEqualTo("6 s / 8 s");
        assertThat(cph.selectFirst(".waiting").text()).isEqualTo("1");
        assertThat(cph.selectFirst(".parked").text()).isEqualTo("1");
        assertThat(cph.selectFirst(".quarantined").text()).isEqualTo("1");
        assertThat(cph.hasClass("problem")).as("a parked registration is a problem").isTrue();
        // Ærø sent five days ago (silent after two); Odense never sent; a SOR code nobody loaded is shown
        assertThat(page.select("#silent-list li").eachText()).contains("Ærø Kommune", "Odense Kommune")
                .doesNotContain("Københavns Kommune");
        assertThat(page.selectFirst("#municipalities tr[data-sor=" + AERO + "] .badge").text()).isEqualTo("tavs");
        assertThat(page.text()).contains("Ukendt kommune (SOR 999000111)");
        assertThat(page.selectFirst("#known").text()).isEqualTo("99");
        assertThat(page.selectFirst("#delivering").text()).isEqualTo("2");

        Document problems = page("/status?problemer=true&familie=TELMA");
        assertThat(problems.select("#municipalities tbody tr").eachAttr("data-family")).containsOnly("TELMA");
    }

    @Test
    void pipelineShowsFeedsQueuesQuarantineAndMaskedRegistryErrors() throws Exception {
        jdbc.sql("INSERT INTO ingest.feed_cursor (feed, position) VALUES ('telma', now() - interval '6 days') ON CONFLICT (feed) DO UPDATE SET position = EXCLUDED.position").update();
        jdbc.sql("""
                INSERT INTO ingest.quarantine (feed, family, reasons, raw_payload)
                VALUES ('telma', 'TELMA', ARRAY['citizen-cpr: not a valid CPR', 'unit: not UCUM'], '{}')""").update();
        document("2.25.3", AERO, "KPRO");
        jdbc.sql("""
                INSERT INTO registry.registration (document_unique_id, entry_uuid, submission_set_unique_id, state, attempts, last_error)
                VALUES ('2.25.3', 'urn:uuid:y', '2.25.9', 'FAILED', 3, 'XDSUnknownPatientId: patient 0101501234 unknown')
                ON CONFLICT DO NOTHING""").update();

        Document page = page("/status/pipeline");
        Element telma = page.selectFirst("#feed-table tr[data-feed=telma]");
        assertThat(telma.hasClass("problem")).as("six days is past the five-day warning").isTrue();
        assertThat(telma.text()).contains("85 %");
        assertThat(page.selectFirst("#quarantine-table tr[data-rule=citizen-cpr] .open").text()).isEqualTo("1");
        assertThat(page.selectFirst("#quarantine-table tr[data-rule=unit] .open").text()).isEqualTo("1");
        assertThat(page.select("#error-table .error").eachText()).anyMatch(e -> e.contains("010150-****"));
        assertThat(page.html()).doesNotContain("0101501234");
        assertThat(page.selectFirst("#registry-table").text()).contains("FAILED");
    }

    /**
     * The alert's gauge for a municipality that never sent anything counts from when the reference
     * data gave it its SOR code: loading the same reference data again (as each test here does) or
     * restarting the service does not reset it.
     */
    @Test
    void silenceOfAMunicipalityThatNeverSentCountsFromWhenItWasLoaded() throws Exception {
        jdbc.sql("UPDATE repository.municipality SET loaded_at = now() - interval '3 days' WHERE code = 461").update();
        mvc.perform(post("/admin/reference/municipalities").with(OPERATOR).contentType("text/csv")
                        .content(Files.readString(Path.of("../ops/reference/municipalities-dev-stack.csv"))))
                .andExpect(status().isOk());
        silence.refresh();
        double odense = meters.get("eojxds.status.municipality.silence").tag("code", "461").gauge().value();
        assertThat(odense).isBetween(3 * 86400.0 - 60, 3 * 86400.0 + 60);
    }

    @Test
    void onlyOperatorsSeeThePage() throws Exception {
        for (String path : new String[] {"/status", "/status/pipeline", "/status/programme", "/status/status.css",
                "/status/../status", "/STATUS"}) {
            int answer = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            assertThat(answer).as(path).isIn(400, 401, 403, 404);
            assertThat(answer).as(path).isNotEqualTo(200);
        }
        mvc.perform(get("/status").with(jwt().jwt(token -> token.subject("someone"))))
                .andExpect(status().isForbidden());
        // the reference data the page reads: no anonymous or non-operator writes, no oversized body
        mvc.perform(post("/admin/reference/municipalities").contentType("text/csv").content("101;x;;"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/admin/reference/municipalities").with(jwt().jwt(token -> token.subject("someone")))
                .contentType("text/csv").content("101;x;;")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/reference/municipalities").with(OPERATOR).contentType("text/csv")
                .content("101;x;;\n".repeat(200_000))).andExpect(status().isPayloadTooLarge());
        mvc.perform(post("/admin/reference/municipalities").with(OPERATOR).contentType("text/csv")
                .content("1O1;Kommune;;")).andExpect(status().isBadRequest());
        mvc.perform(get("/status/programme").with(OPERATOR).param("til", "next month"))
                .andExpect(status().isBadRequest());
    }
}
