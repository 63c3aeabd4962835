package dk.eojxds.ingest.validation.fsiii;

import static dk.eojxds.model.fsiii.FsiiiValueSet.CITIZEN_OBSERVATION_CODES;
import static dk.eojxds.model.fsiii.FsiiiValueSet.FOLLOW_UP_RESULTS;
import static dk.eojxds.model.fsiii.FsiiiValueSet.HOME_CARE_AREAS;
import static dk.eojxds.model.fsiii.FsiiiValueSet.MATTER_OF_INTEREST_VALUES;
import static dk.eojxds.model.fsiii.FsiiiValueSet.NURSING_AREAS;

import dk.eojxds.model.fsiii.FsiiiScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/**
 * The rules of the KL Gateway profiles for a report's observations and encounters: follow-up
 * observations (the result E1–E4 of a follow-up on conditions or planned interventions), matters
 * of interest (an area, "B6 Ikke relevant" when no longer in focus), the citizen's own
 * observations (care profiles only) and follow-up encounters. An observation is told apart by its
 * code, as the profiles' invariant gateway-care-report-1 does.
 */
final class FsiiiObservationRules {

    static final String SNOMED = "http://snomed.info/sct";
    static final String FOLLOW_UP_CODE = "712744002";

    enum Kind { FOLLOW_UP, MATTER_OF_INTEREST, CITIZENS_OWN, UNKNOWN }

    private final FsiiiCodes codes;

    FsiiiObservationRules(FsiiiCodes codes) {
        this.codes = codes;
    }

    Kind kind(Observation observation) {
        if (observation.getCode().getCoding().stream()
                .anyMatch(c -> SNOMED.equals(c.getSystem()) && FOLLOW_UP_CODE.equals(c.getCode()))) {
            return Kind.FOLLOW_UP;
        }
        if (codes.in(observation.getCode(), CITIZEN_OBSERVATION_CODES)) {
            return Kind.CITIZENS_OWN;
        }
        return codes.in(observation.getCode(), NURSING_AREAS, HOME_CARE_AREAS) ? Kind.MATTER_OF_INTEREST : Kind.UNKNOWN;
    }

    /**
     * The rule that puts the observation outside the scope, or null. {@code withheld} holds the
     * references of the report's other resources already outside it: a follow-up on one of them
     * is about care data too.
     */
    String outOfScope(Observation observation, FsiiiScope scope, Map<String, Resource> report, Set<Resource> withheld) {
        if (scope == FsiiiScope.CARE) {
            return null;
        }
        return switch (kind(observation)) {
            case CITIZENS_OWN -> "scope-citizens-own-observation: the citizen's own observations are care data";
            case MATTER_OF_INTEREST -> codes.in(observation.getCode(), HOME_CARE_AREAS)
                    ? "scope-matter-of-interest: a home-care area (KLHomeCareAreasFSIII) is care data" : null;
            case FOLLOW_UP -> observation.getFocus().stream()
                    .anyMatch(f -> withheld.contains(FsiiiReportRules.resolve(f.getReference(), report)))
                    ? "scope-follow-up: a follow-up on care data is care data" : null;
            case UNKNOWN -> null;
        };
    }

    List<String> violations(Resource resource, Map<String, Resource> report, FsiiiScope scope) {
        String id = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        List<String> reasons = new ArrayList<>();
        if (resource instanceof Encounter encounter) {
            encounter(encounter, id, reasons);
        } else if (resource instanceof Observation observation) {
            observation(observation, id, report, scope, reasons);
        }
        return reasons;
    }

    private void observation(Observation observation, String id, Map<String, Resource> report, FsiiiScope scope,
                             List<String> reasons) {
        if (!observation.hasEffectiveDateTimeType()) {
            reasons.add("observation-effective: " + id + " needs effectiveDateTime [Observation.effective[x]]");
        }
        switch (kind(observation)) {
            case FOLLOW_UP -> {
                // gateway-care-follow-up-1
                if (observation.getStatus() != Observation.ObservationStatus.FINAL
                        && observation.getStatus() != Observation.ObservationStatus.ENTEREDINERROR) {
                    reasons.add("follow-up-status: " + id + " status must be final or entered-in-error "
                            + "[Observation.status, gateway-care-follow-up-1]");
                }
                if (!observation.hasFocus()) {
                    reasons.add("follow-up-focus: " + id + " needs the condition or planned intervention it follows up "
                            + "[Observation.focus]");
                }
                for (var focus : observation.getFocus()) {
                    Resource target = FsiiiReportRules.resolve(focus.getReference(), report);
                    if (!(target instanceof org.hl7.fhir.r4.model.Condition
                            || target instanceof org.hl7.fhir.r4.model.CarePlan)) {
                        reasons.add("follow-up-focus: " + id + " follows up " + focus.getReference()
                                + ", which is no condition or planned intervention in the report [Observation.focus]");
                    }
                }
                if (!observation.hasValueCodeableConcept()) {
                    reasons.add("follow-up-value: " + id + " needs the follow-up's result [Observation.value[x]]");
                } else {
                    codes.require(observation.getValueCodeableConcept(), "follow-up-value", "Observation.value[x]", id,
                            reasons, FOLLOW_UP_RESULTS);
                }
            }
            case MATTER_OF_INTEREST -> {
                if (scope != FsiiiScope.CARE) {
                    codes.require(observation.getCode(), "matter-of-interest-code", "Observation.code.coding", id,
                            reasons, NURSING_AREAS);
                }
                if (observation.hasValue()) {
                    if (!observation.hasValueCodeableConcept()) {
                        reasons.add("matter-of-interest-value: " + id + " value must be a CodeableConcept "
                                + "[Observation.value[x]]");
                    } else {
                        codes.require(observation.getValueCodeableConcept(), "matter-of-interest-value",
                                "Observation.value[x]", id, reasons, MATTER_OF_INTEREST_VALUES);
                    }
                }
            }
            case CITIZENS_OWN -> {
                if (!observation.hasFocus()) {
                    reasons.add("citizens-own-focus: " + id + " needs the condition or matter it is about "
                            + "[Observation.focus]");
                }
            }
            case UNKNOWN -> reasons.add("observation-profile: " + id + " is neither a follow-up (SNOMED CT "
                    + FOLLOW_UP_CODE + "), a matter of interest (an FSIII area) nor a citizen's own observation "
                    + "[Bundle.entry.resource, gateway-care-report-1]");
        }
    }

    // klgateway-care-encounter (a follow-up: class HH, one type) or, in the care profiles,
    // klgateway-care-general-encounter (a visit: class from EncounterClassCodes, one type or more)
    private static void encounter(Encounter encounter, String id, List<String> reasons) {
        if (!encounter.getClass_().hasCode()) {
            reasons.add("encounter-class: " + id + " needs a class (HH for a follow-up) [Encounter.class]");
        }
        if (encounter.getType().isEmpty()) {
            reasons.add("encounter-type: " + id + " needs a type [Encounter.type]");
        }
        if (!encounter.getPeriod().hasStart()) {
            reasons.add("encounter-period-start: " + id + " needs period.start [Encounter.period.start]");
        }
        if (!encounter.hasSubject()) {
            reasons.add("encounter-subject: " + id + " needs the citizen as subject [Encounter.subject]");
        }
    }
}
