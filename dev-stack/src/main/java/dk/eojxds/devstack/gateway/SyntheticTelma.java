package dk.eojxds.devstack.gateway;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.HomeMeasurement;
import dk.eojxds.model.SorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Synthetic TELMA data: home-measurement Observations shaped as the national telemedicine
 * infrastructure sends them: NPU code, UCUM quantity, the citizen by CPR, the municipality by SOR.
 */
public final class SyntheticTelma {

    private final Random random;

    public SyntheticTelma(Random random) {
        this.random = random;
    }

    /** A morning's set of measurements: blood pressure, pulse, saturation, weight. */
    public List<Observation> morningSet(SyntheticCitizens.Citizen citizen, Instant at) {
        List<Observation> set = new ArrayList<>();
        int systolic = 110 + random.nextInt(50);
        set.add(observation(citizen, HomeMeasurement.SYSTOLIC_PRESSURE, BigDecimal.valueOf(systolic), at));
        set.add(observation(citizen, HomeMeasurement.DIASTOLIC_PRESSURE,
                BigDecimal.valueOf(systolic - 35 - random.nextInt(20)), at));
        set.add(observation(citizen, HomeMeasurement.PULSE, BigDecimal.valueOf(55 + random.nextInt(40)), at));
        set.add(observation(citizen, HomeMeasurement.OXYGEN_SATURATION, BigDecimal.valueOf(88 + random.nextInt(12)),
                at.plusSeconds(60)));
        set.add(observation(citizen, HomeMeasurement.WEIGHT,
                BigDecimal.valueOf(550 + random.nextInt(500)).divide(BigDecimal.TEN, 1, RoundingMode.UNNECESSARY),
                at.plusSeconds(120)));
        return set;
    }

    public static Observation observation(SyntheticCitizens.Citizen citizen, HomeMeasurement kind, BigDecimal value, Instant at) {
        Observation observation = new Observation();
        observation.setId(UUID.nameUUIDFromBytes((citizen.cpr().value() + kind + at).getBytes()).toString());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs")));
        observation.setCode(new CodeableConcept(new Coding(DkXdsCodes.NPU_SYSTEM, kind.npuCode(),
                kind.npuDisplay())));
        observation.setSubject(new Reference().setIdentifier(new Identifier()
                .setSystem(Cpr.SYSTEM).setValue(citizen.cpr().value())));
        observation.setEffective(new DateTimeType(Date.from(at)));
        observation.setValue(new Quantity().setValue(value).setUnit(kind.unit())
                .setSystem("http://unitsofmeasure.org").setCode(kind.unit()));
        observation.addPerformer(new Reference().setIdentifier(new Identifier()
                        .setSystem(SorCode.SYSTEM).setValue(citizen.municipality().sor().value()))
                .setDisplay(citizen.municipality().name()));
        return observation;
    }

}
