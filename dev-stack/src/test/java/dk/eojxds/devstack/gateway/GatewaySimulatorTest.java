package dk.eojxds.devstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.DateClientParam;
import dk.eojxds.devstack.DevStackApplication;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.HomeMeasurement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The simulator answers FHIR searches by _lastUpdated, oldest first, paged with link[next]. */
@SpringBootTest(classes = DevStackApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=dev-stack", "eojxds.simulator.enabled=false"})
class GatewaySimulatorTest {

    @LocalServerPort
    int port;
    @Autowired
    SimulatedGateway gateway;

    @Test
    void pagesThroughEverythingChangedSinceAPointInTime() {
        SyntheticCitizens.Citizen citizen = new SyntheticCitizens.Citizen(Cpr.of("0101501234"),
                SyntheticCitizens.MUNICIPALITIES.get(0));
        Instant start = Instant.parse("2026-11-20T07:00:00Z");
        for (int i = 0; i < 7; i++) {
            gateway.publishStamped(SyntheticTelma.observation(citizen, HomeMeasurement.PULSE,
                    BigDecimal.valueOf(60 + i), start.plusSeconds(i)), start.plusSeconds(i));
        }
        IGenericClient client = FhirContext.forR4().newRestfulGenericClient("http://localhost:" + port + "/fhir");
        Bundle page = client.search().forResource(Observation.class)
                .where(new DateClientParam("_lastUpdated").afterOrEquals().millis(Date.from(start.plusSeconds(2))))
                .count(2).returnBundle(Bundle.class).execute();
        List<BigDecimal> values = new ArrayList<>();
        int pages = 0;
        while (true) {
            pages++;
            page.getEntry().forEach(e -> values.add(((Observation) e.getResource()).getValueQuantity().getValue()));
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                break;
            }
            page = client.loadPage().next(page).execute();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(values).extracting(BigDecimal::intValue).containsExactly(62, 63, 64, 65, 66);
    }

    @Test
    void aLateCommitKeepsItsOlderTimestampAndANewVersion() {
        SyntheticCitizens.Citizen citizen = new SyntheticCitizens.Citizen(Cpr.of("0101501234"),
                SyntheticCitizens.MUNICIPALITIES.get(1));
        Observation observation = SyntheticTelma.observation(citizen, HomeMeasurement.WEIGHT, new BigDecimal("80"),
                Instant.parse("2026-11-20T07:00:00Z"));
        gateway.publish(observation);
        var late = gateway.publishStamped(observation, Instant.parse("2026-11-19T07:00:00Z"));
        assertThat(late.getMeta().getVersionId()).isEqualTo("2");
        assertThat(late.getMeta().getLastUpdated().toInstant()).isEqualTo(Instant.parse("2026-11-19T07:00:00Z"));
    }
}
