package dk.eojxds.ingest.delta;

import dk.eojxds.model.fsiii.FsiiiTerminology;
import dk.eojxds.model.fsiii.FsiiiTerminology.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * The per-profile rules of the KL Gateway care profiles (condition, goal, planned and completed
 * intervention). FSIII codes are checked against the configured terminology, old and new codes
 * alike.
 */
final class FsiiiResourceRules {

    private final FsiiiTerminology terminology;

    FsiiiResourceRules(FsiiiTerminology terminology) {
        this.terminology = terminology;
    }

    List<String> violations(Resource resource, Map<String, Resource> report) {
        if (resource instanceof Condition condition) {
            return condition(condition);
        }
        if (resource instanceof Goal goal) {
            return goal(goal, report);
        }
        if (resource instanceof CarePlan plan) {
            return plannedIntervention(plan);
        }
        if (resource instanceof Procedure procedure) {
            return completedIntervention(procedure);
        }
        return List.of();
    }

    private List<String> condition(Condition condition) {
        List<String> reasons = new ArrayList<>();
        String id = "Condition/" + condition.getIdElement().getIdPart();
        if (!condition.hasClinicalStatus()) {
            reasons.add("condition-clinical-status: " + id + " needs clinicalStatus");
        }
        if (!condition.hasRecordedDate()) {
            reasons.add("condition-recorded-date: " + id + " needs recordedDate");
        }
        Category category = fsiiiCategory(condition.getCode(), id, "condition-code", reasons);
        if (category != null && category != Category.HOME_CARE_CONDITION && category != Category.NURSING_CONDITION) {
            reasons.add("condition-code: " + id + " code is an FSIII " + category + ", not a condition");
        }
        boolean hasSeverity = condition.hasSeverity();
        if (category == Category.HOME_CARE_CONDITION && !hasSeverity) {
            reasons.add("condition-severity: " + id + " is a home-care condition and needs a severity");
        }
        if (category == Category.NURSING_CONDITION && hasSeverity) {
            reasons.add("condition-severity: " + id + " is a nursing condition and must not have a severity");
        }
        if (hasSeverity) {
            checkSeverity(condition.getSeverity(), id, reasons);
        }
        return reasons;
    }

    private List<String> goal(Goal goal, Map<String, Resource> report) {
        List<String> reasons = new ArrayList<>();
        String id = "Goal/" + goal.getIdElement().getIdPart();
        if (!goal.hasStartDateType()) {
            reasons.add("goal-start-date: " + id + " needs startDate");
        }
        if (goal.getAddresses().size() != 1) {
            reasons.add("goal-addresses: " + id + " must address exactly one condition");
        } else {
            Resource target = FsiiiReportRules.resolve(goal.getAddressesFirstRep().getReference(), report);
            if (!(target instanceof Condition condition) || !isHomeCare(condition.getCode())) {
                reasons.add("goal-addresses: " + id + " must address a home-care condition in the report");
            }
        }
        if (!goal.getTargetFirstRep().hasMeasure()) {
            reasons.add("goal-target: " + id + " needs target.measure");
        }
        if (goal.getTargetFirstRep().hasDetailCodeableConcept()) {
            checkSeverity(goal.getTargetFirstRep().getDetailCodeableConcept(), id, reasons);
        } else {
            reasons.add("goal-target: " + id + " needs target.detailCodeableConcept (the expected severity)");
        }
        return reasons;
    }

    private List<String> plannedIntervention(CarePlan plan) {
        List<String> reasons = new ArrayList<>();
        String id = "CarePlan/" + plan.getIdElement().getIdPart();
        if (plan.getIntent() != CarePlan.CarePlanIntent.PLAN) {
            reasons.add("intervention-intent: " + id + " intent must be plan");
        }
        if (!plan.getPeriod().hasStart()) {
            reasons.add("intervention-period-start: " + id + " needs period.start");
        }
        if (plan.getActivity().size() != 1 || !plan.getActivityFirstRep().hasDetail()) {
            reasons.add("intervention-activity: " + id + " needs exactly one activity with detail");
        } else {
            checkIntervention(plan.getActivityFirstRep().getDetail().getCode(), id, reasons);
        }
        return reasons;
    }

    private List<String> completedIntervention(Procedure procedure) {
        List<String> reasons = new ArrayList<>();
        String id = "Procedure/" + procedure.getIdElement().getIdPart();
        if (!procedure.hasPerformedDateTimeType()) {
            reasons.add("completed-intervention-performed: " + id + " needs performedDateTime");
        }
        checkIntervention(procedure.getCode(), id, reasons);
        return reasons;
    }

    private void checkIntervention(CodeableConcept code, String id, List<String> reasons) {
        Category category = fsiiiCategory(code, id, "intervention-code", reasons);
        if (category != null && category != Category.INTERVENTION) {
            reasons.add("intervention-code: " + id + " level-2 code is an FSIII " + category + ", not an intervention");
        }
    }

    private void checkSeverity(CodeableConcept severity, String id, List<String> reasons) {
        Category category = fsiiiCategory(severity, id, "severity-code", reasons);
        if (category != null && category != Category.SEVERITY) {
            reasons.add("severity-code: " + id + " severity is an FSIII " + category + ", not a severity");
        }
    }

    private boolean isHomeCare(CodeableConcept code) {
        return fsiiiCodes(code).stream().anyMatch(c -> terminology.category(c.getCode()) == Category.HOME_CARE_CONDITION);
    }

    // The category of the single FSIII coding, or null after recording why there is none.
    private Category fsiiiCategory(CodeableConcept code, String id, String rule, List<String> reasons) {
        List<Coding> fsiii = fsiiiCodes(code);
        if (fsiii.size() != 1) {
            reasons.add(rule + ": " + id + " needs exactly one coding with system " + FsiiiTerminology.SYSTEM);
            return null;
        }
        String value = fsiii.get(0).getCode();
        if (value == null || !terminology.knows(value)) {
            reasons.add(rule + ": " + id + " code '" + value + "' is not in the FSIII code system");
            return null;
        }
        return terminology.category(value);
    }

    private static List<Coding> fsiiiCodes(CodeableConcept code) {
        return code.getCoding().stream().filter(c -> FsiiiTerminology.SYSTEM.equals(c.getSystem())).toList();
    }
}
