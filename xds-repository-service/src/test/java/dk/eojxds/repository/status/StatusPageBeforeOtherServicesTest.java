package dk.eojxds.repository.status;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.eojxds.repository.PinnedSts;
import dk.eojxds.repository.RepositoryApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A fresh installation where this service started before ingest-service and registry-adapter had
 * created their schemas (this context's database has only the repository's): the status page says
 * it is not available yet (503 with Retry-After), not a server error.
 */
@SpringBootTest(classes = RepositoryApplication.class, properties = {"spring.config.name=xds-repository-service",
        "eojxds.repository.build-interval=PT1H", "eojxds.status.silence-refresh=PT1H"})
@AutoConfigureMockMvc
class StatusPageBeforeOtherServicesTest {

    @DynamicPropertySource
    static void sts(DynamicPropertyRegistry registry) {
        PinnedSts.pinAny(registry);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theStatusPagesAnswerNotAvailableYetUntilTheOtherSchemasExist() throws Exception {
        for (String page : new String[] {"/status", "/status/pipeline"}) {
            mvc.perform(get(page).with(StatusPageTest.OPERATOR))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "30"))
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("ingest-service")));
        }
    }
}
