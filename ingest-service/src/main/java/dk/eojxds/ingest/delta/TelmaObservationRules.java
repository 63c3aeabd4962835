package dk.eojxds.ingest.delta;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.HomeMeasurement;
import dk.eojxds.model.SorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Plausibility rules for a TELMA home measurement. Each violation is reported with the name of
 * the rule, so that a quarantined resource says exactly what is wrong with it.
 */
final class TelmaObservationRules {

    static final String CPR_SYSTEM = "urn:oid:" + Cpr.OID;
    static final String SOR_SYSTEM = "urn:oid:" + SorCode.OID;
    static final String NPU_SYSTEM = "urn:oid:" + DkXdsCodes.NPU;

    private TelmaObservationRules() {
    }

    static List<String> violations(Observation observation) {
        List<String> reasons = new ArrayList<>();
        if (!observation.getMeta().hasLastUpdated()) {
            reasons.add("meta-lastUpdated: meta.lastUpdated is required");
        }
        if (citizen(observation).isEmpty()) {
            reasons.add("subject-cpr: subject.identifier must be a valid CPR number with system " + CPR_SYSTEM);
        }
        if (!observation.hasEffectiveDateTimeType() || !observation.getEffectiveDateTimeType().hasValue()) {
            reasons.add("effective-datetime: effectiveDateTime is required");
        }
        Optional<HomeMeasurement> measurement = measurement(observation);
        if (measurement.isEmpty()) {
            reasons.add("npu-code: code must hold a known NPU home-measurement code with system " + NPU_SYSTEM);
        }
        if (organisationSor(observation).isEmpty()) {
            reasons.add("performer-sor: a performer must identify the municipal organisation by SOR code ("
                    + SOR_SYSTEM + ") with a display name");
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
        Identifier identifier = observation.getSubject().getIdentifier();
        if (!CPR_SYSTEM.equals(identifier.getSystem()) || !Cpr.isValid(identifier.getValue())) {
            return Optional.empty();
        }
        return Optional.of(Cpr.of(identifier.getValue()));
    }

    static Optional<HomeMeasurement> measurement(Observation observation) {
        for (Coding coding : observation.getCode().getCoding()) {
            if (NPU_SYSTEM.equals(coding.getSystem())) {
                Optional<HomeMeasurement> known = HomeMeasurement.byNpuCode(coding.getCode());
                if (known.isPresent()) {
                    return known;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<SorCode> organisationSor(Observation observation) {
        for (Reference performer : observation.getPerformer()) {
            Identifier identifier = performer.getIdentifier();
            if (SOR_SYSTEM.equals(identifier.getSystem()) && performer.hasDisplay()) {
                try {
                    return Optional.of(SorCode.of(identifier.getValue()));
                } catch (IllegalArgumentException | NullPointerException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
