package dk.eojxds.repository.documents.fsiii;

import static dk.eojxds.model.fsiii.FsiiiValueSet.CITIZEN_OBSERVATION_CODES;
import static dk.eojxds.model.fsiii.FsiiiValueSet.HOME_CARE_AREAS;
import static dk.eojxds.model.fsiii.FsiiiValueSet.HOME_CARE_CONDITIONS;
import static dk.eojxds.model.fsiii.FsiiiValueSet.HOME_CARE_INTERVENTIONS;

import dk.eojxds.model.fsiii.FsiiiScope;
import dk.eojxds.model.fsiii.FsiiiTerminology;
import dk.eojxds.model.fsiii.FsiiiValueSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * What an FSIII overview may show under the repository's data scope. Ingest already withholds
 * care data on a healthcare-only feed; this is the second lock, for data stored before the scope
 * was narrowed: a healthcare overview shows nursing conditions, nursing interventions, matters of
 * interest and follow-ups only — no goals, no home-care conditions or interventions, no
 * home-care areas, nothing that follows up on those.
 */
final class FsiiiDocumentScope {

    private final FsiiiTerminology terminology;

    FsiiiDocumentScope(FsiiiTerminology terminology) {
        this.terminology = terminology;
    }

    List<Resource> shown(List<Resource> resources, FsiiiScope scope) {
        if (scope == FsiiiScope.CARE) {
            return resources;
        }
        Set<String> hidden = new HashSet<>();
        List<Resource> shown = new ArrayList<>();
        for (Resource resource : resources) {
            if (isCare(resource)) {
                hidden.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
            }
        }
        for (Resource resource : resources) {
            boolean followsUpCare = resource instanceof Observation observation && observation.getFocus().stream()
                    .anyMatch(f -> f.getReference() != null && hidden.stream().anyMatch(f.getReference()::endsWith));
            if (!hidden.contains(resource.fhirType() + "/" + resource.getIdElement().getIdPart()) && !followsUpCare) {
                shown.add(resource);
            }
        }
        return shown;
    }

    private boolean isCare(Resource resource) {
        if (resource instanceof Goal) {
            return true;
        }
        if (resource instanceof Condition condition) {
            return in(condition.getCode(), HOME_CARE_CONDITIONS);
        }
        if (resource instanceof CarePlan plan) {
            return in(plan.getActivityFirstRep().getDetail().getCode(), HOME_CARE_INTERVENTIONS);
        }
        if (resource instanceof Procedure procedure) {
            return in(procedure.getCode(), HOME_CARE_INTERVENTIONS);
        }
        if (resource instanceof Observation observation) {
            // a home-care area, or the citizen's own observation (FSIII C/D, both spellings)
            return in(observation.getCode(), HOME_CARE_AREAS) || in(observation.getCode(), CITIZEN_OBSERVATION_CODES);
        }
        return false;
    }

    private boolean in(CodeableConcept concept, FsiiiValueSet valueSet) {
        for (Coding coding : concept.getCoding()) {
            if (FsiiiTerminology.isFsiiiSystem(coding.getSystem()) && valueSet.contains(terminology, coding.getCode())) {
                return true;
            }
        }
        return false;
    }
}
