package dk.eojxds.ingest.validation.telma;

import dk.eojxds.ingest.validation.support.LogicalReferences;
import dk.eojxds.ingest.validation.support.Timing;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.HomeMeasurement;
import dk.eojxds.model.SorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Plausibility rules for a TELMA home measurement. Each violation is reported with the name of
 * the rule, so that a quarantined resource says exactly what is wrong with it.
 */
final class TelmaObservationRules {

    static final String UCUM = "http://unitsofmeasure.org";

    private TelmaObservationRules() {
    }

    static List<String> violations(Observation observation) {
        List<String> reasons = new ArrayList<>();
        if (!observation.getMeta().hasLastUpdated()) {
            reasons.add("meta-lastUpdated: meta.lastUpdated is required");
        }
        if (citizen(observation).isEmpty()) {
            reasons.add("subject-cpr: subject.identifier must be a valid CPR number with system " + Cpr.SYSTEM);
        }
        if (!observation.hasEffectiveDateTimeType() || !observation.getEffectiveDateTimeType().hasValue()) {
            reasons.add("effective-datetime: effectiveDateTime is required");
        } else {
            reasons.addAll(Timing.violations("effectiveDateTime", observation.getEffectiveDateTimeType()));
        }
        Optional<HomeMeasurement> measurement = measurement(observation);
        if (measurement.isEmpty()) {
            reasons.add("npu-code: code must hold a known NPU home-measurement code with system " + DkXdsCodes.NPU_SYSTEM);
        }
        if (organisationSor(observation).isEmpty()) {
            reasons.add("performer-sor: a performer must identify the municipal organisation by SOR code ("
                    + SorCode.SYSTEM + ") with a display name");
        }
        if (observation.getStatus() != Observation.ObservationStatus.ENTEREDINERROR) {
            measurement.ifPresent(m -> reasons.addAll(valueViolations(observation, m)));
        }
        return reasons;
    }

    private static List<String> valueViolations(Observation observation, HomeMeasurement measurement) {
        if (!observation.hasValueQuantity() || !observation.getValueQuantity().hasValue()) {
            return List.of("value-quantity: valueQuantity with a value is required");
        }
        Quantity quantity = observation.getValueQuantity();
        List<String> reasons = new ArrayList<>();
        if (!UCUM.equals(quantity.getSystem())) {
            reasons.add("unit-system: valueQuantity.system must be UCUM (" + UCUM + "), was '" + quantity.getSystem() + "'");
        }
        if (!measurement.unit().equals(quantity.getCode())) {
            reasons.add("unit: " + measurement.npuCode() + " must be reported in UCUM '" + measurement.unit()
                    + "', was '" + quantity.getCode() + "'");
        }
        BigDecimal value = quantity.getValue();
        if (!measurement.isPlausible(value)) {
            reasons.add("value-range: " + value.toPlainString() + " is not a plausible value for "
                    + measurement.npuCode());
        }
        return reasons;
    }

    static Optional<Cpr> citizen(Observation observation) {
        return LogicalReferences.citizen(observation.getSubject());
    }

    static Optional<HomeMeasurement> measurement(Observation observation) {
        for (Coding coding : observation.getCode().getCoding()) {
            if (DkXdsCodes.NPU_SYSTEM.equals(coding.getSystem())) {
                Optional<HomeMeasurement> known = HomeMeasurement.byNpuCode(coding.getCode());
                if (known.isPresent()) {
                    return known;
                }
            }
        }
        return Optional.empty();
    }

    // the first performer naming the municipality by SOR code
    static Optional<SorCode> organisationSor(Observation observation) {
        return observation.getPerformer().stream()
                .filter(p -> SorCode.SYSTEM.equals(p.getIdentifier().getSystem()) && p.hasDisplay())
                .findFirst().flatMap(LogicalReferences::organisation);
    }
}
