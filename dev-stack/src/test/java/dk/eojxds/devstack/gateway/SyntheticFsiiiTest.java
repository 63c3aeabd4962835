package dk.eojxds.devstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.model.fsiii.FsiiiScope;
import java.time.Instant;
import java.util.Random;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Goal;
import org.junit.jupiter.api.Test;

/** The simulator's FSIII reports follow the scope they are made for: nursing only by default, home care on request. */
class SyntheticFsiiiTest {

    private final SyntheticCitizens.Citizen citizen = SyntheticCitizens.create(1, new Random(1)).get(0);

    @Test
    void healthcareReportsCarryNoCareDataAndTheHealthcareProfile() {
        Bundle report = new SyntheticFsiii(new Random(1)).report(citizen, Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(report.getMeta().getProfile().get(0).getValue())
                .isEqualTo(FsiiiScope.HEALTHCARE.deliveryReportProfiles().get(0));
        assertThat(report.getEntry()).noneMatch(e -> e.getResource() instanceof Goal);
        assertThat(report.getEntry()).extracting(e -> e.getResource().fhirType())
                .containsExactly("Patient", "Condition", "Encounter", "CarePlan", "Procedure");
    }

    @Test
    void careReportsAddHomeCareAndCarryTheCareProfile() {
        Bundle report = new SyntheticFsiii(new Random(1), FsiiiScope.CARE).report(citizen, Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(report.getMeta().getProfile().get(0).getValue()).isEqualTo(FsiiiScope.CARE.deliveryReportProfiles().get(0));
        assertThat(report.getEntry()).anyMatch(e -> e.getResource() instanceof Goal);
    }
}
