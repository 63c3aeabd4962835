package dk.eojxds.ingest.validation.fsiii;

import static dk.eojxds.model.fsiii.FsiiiValueSet.GOAL_TYPES;
import static dk.eojxds.model.fsiii.FsiiiValueSet.HOME_CARE_CONDITIONS;
import static dk.eojxds.model.fsiii.FsiiiValueSet.HOME_CARE_INTERVENTIONS;
import static dk.eojxds.model.fsiii.FsiiiValueSet.NURSING_CONDITIONS;
import static dk.eojxds.model.fsiii.FsiiiValueSet.NURSING_INTERVENTIONS;
import static dk.eojxds.model.fsiii.FsiiiValueSet.SEVERITIES;

import dk.eojxds.model.fsiii.FsiiiScope;
import dk.eojxds.model.fsiii.FsiiiValueSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * The rules of the KL Gateway profiles for conditions, goals and planned and completed
 * interventions, per scope: the healthcare profiles (municipality-healthcare-data: nursing codes,
 * no severity, no goals) or the care profiles (nursing and home care; severity exactly for home
 * care). Each reason names the profile element it enforces in brackets.
 */
final class FsiiiResourceRules {

    private final FsiiiCodes codes;

    FsiiiResourceRules(FsiiiCodes codes) {
        this.codes = codes;
    }

    /** The rule that puts the resource outside the scope, or null when the scope covers it. */
    String outOfScope(Resource resource, FsiiiScope scope) {
        if (scope == FsiiiScope.CARE) {
            return null;
        }
        if (resource instanceof Goal) {
            return "scope-goal: goals are care data; the healthcare profiles have none";
        }
        if (resource instanceof Condition condition && codes.in(condition.getCode(), HOME_CARE_CONDITIONS)) {
            return "scope-condition: a home-care condition (KLConditionCodesHomeCare) is care data";
        }
        CodeableConcept intervention = intervention(resource);
        if (intervention != null && codes.in(intervention, HOME_CARE_INTERVENTIONS)) {
            return "scope-intervention: a home-care intervention (serviceloven) is care data";
        }
        return null;
    }

    List<String> violations(Resource resource, Map<String, Resource> report, FsiiiScope scope) {
        String id = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        List<String> reasons = new ArrayList<>();
        if (resource instanceof Condition condition) {
            condition(condition, id, scope, reasons);
        } else if (resource instanceof Goal goal) {
            goal(goal, id, report, reasons);
        } else if (resource instanceof CarePlan plan) {
            plannedIntervention(plan, id, scope, reasons);
        } else if (resource instanceof Procedure procedure) {
            if (!procedure.hasPerformedDateTimeType()) {
                reasons.add("completed-intervention-performed: " + id + " needs performedDateTime [Procedure.performed[x]]");
            }
            codes.require(procedure.getCode(), "intervention-code", "Procedure.code.coding[level2]", id, reasons,
                    interventions(scope));
        }
        return reasons;
    }

    private void condition(Condition condition, String id, FsiiiScope scope, List<String> reasons) {
        if (!condition.hasClinicalStatus()) {
            reasons.add("condition-clinical-status: " + id + " needs clinicalStatus [Condition.clinicalStatus]");
        }
        if (!condition.hasRecordedDate()) {
            reasons.add("condition-recorded-date: " + id + " needs recordedDate [Condition.recordedDate]");
        }
        FsiiiValueSet[] allowed = scope == FsiiiScope.CARE
                ? new FsiiiValueSet[] {NURSING_CONDITIONS, HOME_CARE_CONDITIONS} : new FsiiiValueSet[] {NURSING_CONDITIONS};
        codes.require(condition.getCode(), "condition-code", "Condition.code", id, reasons, allowed);
        boolean homeCare = codes.in(condition.getCode(), HOME_CARE_CONDITIONS);
        boolean nursing = codes.in(condition.getCode(), NURSING_CONDITIONS);
        // klgateway-severity-mandatory-in-home-care-not-allowed-in-nursing (care); severity ..0 (healthcare)
        if (homeCare && !condition.hasSeverity()) {
            reasons.add("condition-severity: " + id + " is a home-care condition and needs a severity [Condition.severity]");
        }
        if (nursing && condition.hasSeverity()) {
            reasons.add("condition-severity: " + id + " is a nursing condition and must not have a severity [Condition.severity]");
        }
        if (homeCare && condition.hasSeverity()) {
            codes.require(condition.getSeverity(), "severity-code", "Condition.severity", id, reasons, SEVERITIES);
        }
    }

    private void goal(Goal goal, String id, Map<String, Resource> report, List<String> reasons) {
        if (!goal.hasStartDateType()) {
            reasons.add("goal-start-date: " + id + " needs startDate [Goal.start[x]]");
        }
        if (goal.hasDescription() && FsiiiCodes.code(goal.getDescription()) != null) {
            codes.require(goal.getDescription(), "goal-type", "Goal.description", id, reasons, GOAL_TYPES);
        }
        if (goal.getAddresses().size() != 1) {
            reasons.add("goal-addresses: " + id + " must address exactly one condition [Goal.addresses]");
        } else {
            Resource target = FsiiiReportRules.resolve(goal.getAddressesFirstRep().getReference(), report);
            // klgateway-goal-addresses-home-care-condition: only when the condition's code is known
            // to be something else; an unknown code is reported on the condition itself
            if (!(target instanceof Condition condition)) {
                reasons.add("goal-addresses: " + id + " must address a condition in the report [Goal.addresses]");
            } else if (FsiiiCodes.code(condition.getCode()) != null && codes.in(condition.getCode(), NURSING_CONDITIONS)) {
                reasons.add("goal-addresses: " + id + " addresses a nursing condition; goals address home-care "
                        + "conditions [Goal.addresses]");
            }
        }
        if (!goal.getTargetFirstRep().hasMeasure()) {
            reasons.add("goal-target: " + id + " needs target.measure [Goal.target.measure]");
        }
        if (goal.getTargetFirstRep().hasDetailCodeableConcept()) {
            codes.require(goal.getTargetFirstRep().getDetailCodeableConcept(), "severity-code", "Goal.target.detail[x]",
                    id, reasons, SEVERITIES);
        } else {
            reasons.add("goal-target: " + id + " needs the expected severity [Goal.target.detail[x]]");
        }
    }

    private void plannedIntervention(CarePlan plan, String id, FsiiiScope scope, List<String> reasons) {
        if (plan.getIntent() != CarePlan.CarePlanIntent.PLAN) {
            reasons.add("intervention-intent: " + id + " intent must be plan [CarePlan.intent]");
        }
        if (!plan.getPeriod().hasStart()) {
            reasons.add("intervention-period-start: " + id + " needs period.start [CarePlan.period.start]");
        }
        if (plan.getActivity().size() != 1 || !plan.getActivityFirstRep().hasDetail()) {
            reasons.add("intervention-activity: " + id + " needs exactly one activity with detail [CarePlan.activity]");
        } else {
            codes.require(plan.getActivityFirstRep().getDetail().getCode(), "intervention-code",
                    "CarePlan.activity.detail.code.coding[level2]", id, reasons, interventions(scope));
        }
    }

    private static FsiiiValueSet[] interventions(FsiiiScope scope) {
        return scope == FsiiiScope.CARE ? new FsiiiValueSet[] {NURSING_INTERVENTIONS, HOME_CARE_INTERVENTIONS}
                : new FsiiiValueSet[] {NURSING_INTERVENTIONS};
    }

    private static CodeableConcept intervention(Resource resource) {
        if (resource instanceof CarePlan plan) {
            return plan.getActivityFirstRep().getDetail().getCode();
        }
        return resource instanceof Procedure procedure ? procedure.getCode() : null;
    }
}
