package dk.eojxds.devstack.gateway;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.HomeMeasurement;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
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
 * Synthetic TELMA data: citizens with valid (fictitious) CPR numbers in several municipalities,
 * and home-measurement Observations shaped as the national telemedicine infrastructure sends
 * them: NPU code, UCUM quantity, the citizen by CPR, the municipality by SOR code.
 */
public final class SyntheticTelma {

    /** Fictitious SOR codes for the municipalities the simulator serves. */
    public static final List<Organisation> MUNICIPALITIES = List.of(
            new Organisation("Københavns Kommune", SorCode.of("1301000016001")),
            new Organisation("Aarhus Kommune", SorCode.of("1301000016002")),
            new Organisation("Odense Kommune", SorCode.of("1301000016003")),
            new Organisation("Aalborg Kommune", SorCode.of("1301000016004")),
            new Organisation("Ærø Kommune", SorCode.of("1301000016005")));

    private final Random random;

    public SyntheticTelma(long seed) {
        this.random = new Random(seed);
    }

    public record Citizen(Cpr cpr, Organisation municipality) {
    }

    public List<Citizen> citizens(int count) {
        List<Citizen> citizens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate born = LocalDate.of(1930 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
            // seventh digit 0-3 means the 1900s for every year
            String cpr = String.format("%02d%02d%02d%d%03d", born.getDayOfMonth(), born.getMonthValue(),
                    born.getYear() % 100, random.nextInt(4), random.nextInt(1000));
            citizens.add(new Citizen(Cpr.of(cpr), MUNICIPALITIES.get(i % MUNICIPALITIES.size())));
        }
        return citizens;
    }

    /** A morning's set of measurements: blood pressure, pulse, saturation, weight. */
    public List<Observation> morningSet(Citizen citizen, Instant at) {
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

    public static Observation observation(Citizen citizen, HomeMeasurement kind, BigDecimal value, Instant at) {
        Observation observation = new Observation();
        observation.setId(UUID.nameUUIDFromBytes((citizen.cpr().value() + kind + at).getBytes()).toString());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs")));
        observation.setCode(new CodeableConcept(new Coding("urn:oid:" + DkXdsCodes.NPU, kind.npuCode(),
                kind.npuDisplay())));
        observation.setSubject(new Reference().setIdentifier(new Identifier()
                .setSystem("urn:oid:" + Cpr.OID).setValue(citizen.cpr().value())));
        observation.setEffective(new DateTimeType(Date.from(at)));
        observation.setValue(new Quantity().setValue(value).setUnit(kind.unit())
                .setSystem("http://unitsofmeasure.org").setCode(kind.unit()));
        observation.addPerformer(new Reference().setIdentifier(new Identifier()
                        .setSystem("urn:oid:" + SorCode.OID).setValue(citizen.municipality().sor().value()))
                .setDisplay(citizen.municipality().name()));
        return observation;
    }

    public Random random() {
        return random;
    }
}
