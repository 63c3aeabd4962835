package dk.eojxds.repository.documents.fsiii;

import dk.eojxds.model.fsiii.FsiiiTerminology.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** The overview's sections, each with a Danish table and references to its resources. */
final class FsiiiSections {

    private final FsiiiNarrative narrative;

    FsiiiSections(FsiiiNarrative narrative) {
        this.narrative = narrative;
    }

    void addTo(Composition composition, List<Resource> resources, Map<String, String> fullUrls) {
        List<Condition> functional = new ArrayList<>();
        List<Condition> health = new ArrayList<>();
        List<Goal> goals = new ArrayList<>();
        List<CarePlan> planned = new ArrayList<>();
        List<Procedure> completed = new ArrayList<>();
        List<Resource> followUps = new ArrayList<>();
        for (Resource resource : resources) {
            if (resource instanceof Condition condition) {
                (narrative.category(condition.getCode()) == Category.HOME_CARE_CONDITION ? functional : health).add(condition);
            } else if (resource instanceof Goal goal) {
                goals.add(goal);
            } else if (resource instanceof CarePlan plan) {
                planned.add(plan);
            } else if (resource instanceof Procedure procedure) {
                completed.add(procedure);
            } else if (resource instanceof Encounter || resource instanceof Observation) {
                followUps.add(resource);
            }
        }
        if (!functional.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            List<Resource> entries = new ArrayList<>(functional);
            for (Condition condition : functional) {
                List<Goal> its = goals.stream().filter(g -> addresses(g, condition)).toList();
                entries.addAll(its);
                rows.add(List.of(narrative.display(condition.getCode()), narrative.severity(condition.getSeverity()),
                        its.isEmpty() ? "" : narrative.severity(its.get(0).getTargetFirstRep().getDetailCodeableConcept()),
                        FsiiiNarrative.date(condition.getRecordedDate())));
            }
            section(composition, "Funktionsevnetilstande", List.of("Tilstand", "Sværhedsgrad", "Mål", "Registreret"),
                    rows, entries);
        }
        if (!health.isEmpty()) {
            section(composition, "Helbredstilstande", List.of("Tilstand", "Status", "Registreret"),
                    health.stream().map(c -> List.of(narrative.display(c.getCode()), danishStatus(
                            c.getClinicalStatus().getCodingFirstRep().getCode()), FsiiiNarrative.date(c.getRecordedDate())))
                            .toList(), health);
        }
        if (!planned.isEmpty()) {
            section(composition, "Planlagte indsatser", List.of("Indsats", "Status", "Bevilget fra", "Til"),
                    planned.stream().map(p -> List.of(narrative.display(p.getActivityFirstRep().getDetail().getCode()),
                            danishStatus(p.getStatus() == null ? "" : p.getStatus().toCode()),
                            FsiiiNarrative.date(p.getPeriod().getStart()), FsiiiNarrative.date(p.getPeriod().getEnd())))
                            .toList(), planned);
        }
        if (!completed.isEmpty()) {
            section(composition, "Leverede indsatser", List.of("Indsats", "Udført"),
                    completed.stream().map(p -> List.of(narrative.display(p.getCode()),
                            FsiiiNarrative.date(p.getPerformedDateTimeType().getValue()))).toList(), completed);
        }
        if (!followUps.isEmpty()) {
            section(composition, "Opfølgning", List.of("Opfølgning", "Dato"), followUps.stream()
                    .map(this::followUpRow).toList(), followUps);
        }
    }

    private List<String> followUpRow(Resource resource) {
        if (resource instanceof Encounter encounter) {
            return List.of("Planlagt opfølgning", FsiiiNarrative.date(encounter.getPeriod().getStart()));
        }
        Observation observation = (Observation) resource;
        return List.of(narrative.display(observation.getCode()) + (observation.hasValueCodeableConcept()
                ? ": " + narrative.display(observation.getValueCodeableConcept()) : ""),
                observation.hasEffectiveDateTimeType() ? FsiiiNarrative.date(observation.getEffectiveDateTimeType().getValue()) : "");
    }

    private void section(Composition composition, String title, List<String> headings, List<List<String>> rows,
                         List<? extends Resource> entries) {
        Composition.SectionComponent section = composition.addSection();
        section.setTitle(title);
        section.setText(FsiiiNarrative.generated(FsiiiNarrative.table(headings, rows)));
        for (Resource entry : entries) {
            section.addEntry(new Reference("urn:uuid:" + entry.getIdElement().getIdPart()));
        }
    }


    private static boolean addresses(Goal goal, Condition condition) {
        return goal.getAddresses().stream().anyMatch(r -> r.getReference() != null
                && r.getReference().endsWith(condition.getIdElement().getIdPart()));
    }

    private static String danishStatus(String code) {
        return switch (code == null ? "" : code) {
            case "active" -> "Aktiv";
            case "inactive", "resolved" -> "Afsluttet";
            case "completed" -> "Afsluttet";
            case "draft" -> "Kladde";
            case "on-hold" -> "Pause";
            case "revoked" -> "Annulleret";
            default -> code == null ? "" : code;
        };
    }
}
