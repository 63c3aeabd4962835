package dk.eojxds.ingest.validation.fsiii;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.SorCode;
import dk.eojxds.model.fsiii.FsiiiScope;
import dk.eojxds.model.fsiii.FsiiiTerminology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The KL Gateway rules for a DeliveryReport ({@code klgateway-care-delivery-report}), coded in
 * Java: report shape, one citizen with a valid CPR and SOR, allowed entry types, references that
 * resolve inside the report, and the per-profile rules of {@link FsiiiResourceRules} and
 * {@link FsiiiObservationRules}. Which of the report's resources lie outside the feed's
 * {@link FsiiiScope} is decided first: those are withheld (never stored), and only the rest is
 * held to its profile.
 */
public final class FsiiiReportRules {

    private static final Set<String> ALLOWED = Set.of("Patient", "Condition", "Goal", "CarePlan", "Procedure",
            "Observation", "Encounter");

    private static final java.util.regex.Pattern ABSOLUTE = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    private final FhirTerser terser;
    private final FsiiiResourceRules resourceRules;
    private final FsiiiObservationRules observationRules;

    public FsiiiReportRules(FhirContext fhir, FsiiiTerminology terminology) {
        this.terser = fhir.newTerser();
        FsiiiCodes codes = new FsiiiCodes(terminology);
        this.resourceRules = new FsiiiResourceRules(codes);
        this.observationRules = new FsiiiObservationRules(codes);
    }

    /** A report checked for a scope: what breaks a rule, and the resources outside the scope with the rule that says so. */
    record Checked(List<String> violations, Map<Resource, String> withheld) {
    }

    /** Only the violations, for the care scope (every resource in scope). */
    List<String> violations(Bundle report) {
        return check(report, FsiiiScope.CARE).violations();
    }

    Checked check(Bundle report, FsiiiScope scope) {
        List<String> reasons = new ArrayList<>();
        if (report.getType() != Bundle.BundleType.COLLECTION) {
            reasons.add("report-type: a DeliveryReport is a Bundle of type collection");
        }
        if (!report.hasTimestamp()) {
            reasons.add("report-timestamp: Bundle.timestamp is required");
        }
        List<Patient> citizens = new ArrayList<>();
        Map<String, Resource> byReference = new HashMap<>();
        for (Bundle.BundleEntryComponent entry : report.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                reasons.add("entry-resource: every entry must hold a resource");
                continue;
            }
            if (!ALLOWED.contains(resource.fhirType())) {
                reasons.add("report-entry-type: " + resource.fhirType() + " is not allowed in a DeliveryReport");
            }
            if (!resource.getIdElement().hasIdPart()) {
                reasons.add("entry-id: every " + resource.fhirType() + " needs an id");
            }
            if (resource instanceof Patient patient) {
                citizens.add(patient);
            }
            Resource earlier = byReference.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
            if (earlier != null && resource.getIdElement().hasIdPart()) {
                // two resources under one id: storing both would keep only one of them, silently
                reasons.add("entry-id-unique: " + resource.fhirType() + "/" + resource.getIdElement().getIdPart()
                        + " occurs more than once in the report");
            }
            if (entry.hasFullUrl()) {
                byReference.put(entry.getFullUrl(), resource);
            }
        }
        if (citizens.size() != 1) {
            reasons.add("report-one-citizen: a DeliveryReport holds exactly one citizen, found " + citizens.size());
        } else {
            reasons.addAll(citizenViolations(citizens.get(0)));
        }
        List<Resource> resources = report.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(java.util.Objects::nonNull).toList();
    Map<Resource, String> withheld = withheld(resources, byReference, resource -> scope);
        for (Bundle.BundleEntryComponent entry : report.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            reasons.addAll(referenceViolations(resource, byReference, citizens.size() == 1 ? citizens.get(0) : null));
            if (!withheld.containsKey(resource)) {
                reasons.addAll(resourceRules.violations(resource, byReference, scope));
                reasons.addAll(observationRules.violations(resource, byReference, scope));
            }
        }
        return new Checked(reasons, withheld);
    }

    /**
     * The resources outside their scope, each with the rule that says so: conditions, goals and
     * interventions first, then observations, as a follow-up on one of those withheld is withheld
     * too. {@code byReference} resolves their references; a report has one scope, a citizen's
     * stored resources (the purge) each their feed's.
     */
    public Map<Resource, String> withheld(List<Resource> resources, Map<String, Resource> byReference,
                                   Function<Resource, FsiiiScope> scopeOf) {
    Map<Resource, String> withheld = new IdentityHashMap<>();
        for (Resource resource : resources) {
            String rule = resourceRules.outOfScope(resource, scopeOf.apply(resource));
            if (rule != null) {
                withheld.put(resource, rule);
            }
        }
        for (Resource resource : resources) {
            if (resource instanceof Observation observation && !withheld.containsKey(observation)) {
                String rule = observationRules.outOfScope(observation, scopeOf.apply(observation), byReference,
                        withheld.keySet());
                if (rule != null) {
                    withheld.put(observation, rule);
                }
            }
        }
        return withheld;
    }

    private static List<String> citizenViolations(Patient citizen) {
        List<String> reasons = new ArrayList<>();
        if (citizen.getIdentifier().size() != 1 || !Cpr.SYSTEM.equals(citizen.getIdentifierFirstRep().getSystem())
                || !Cpr.isValid(citizen.getIdentifierFirstRep().getValue())) {
            reasons.add("citizen-cpr: the citizen must have exactly one identifier, a valid CPR number with system "
                    + Cpr.SYSTEM);
        }
        if (!SorCode.SYSTEM.equals(citizen.getManagingOrganization().getIdentifier().getSystem())
                || !SorCode.isValid(citizen.getManagingOrganization().getIdentifier().getValue())) {
            reasons.add("citizen-sor: managingOrganization.identifier must be a SOR code with system " + SorCode.SYSTEM);
        }
        if (citizen.hasName() || citizen.hasAddress() || citizen.hasBirthDate() || citizen.hasTelecom()) {
            reasons.add("citizen-no-demographics: the citizen carries no name, address, birth date or telecom");
        }
        return reasons;
    }

    private List<String> referenceViolations(Resource resource, Map<String, Resource> byReference, Patient citizen) {
        List<String> reasons = new ArrayList<>();
        for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
            String target = reference.getReference();
            if (target == null || target.isBlank() || target.startsWith("#")) {
                continue;
            }
            if (ABSOLUTE.matcher(target).lookingAt() && !byReference.containsKey(target)) {
                // a DeliveryReport is self-contained (aggregation bundled): no reference leaves it
                reasons.add("reference-local: " + resource.fhirType() + "/" + resource.getIdElement().getIdPart()
                        + " refers to " + target + ", which is no entry's fullUrl in the report [Reference.reference, "
                        + "aggregation bundled]");
                continue;
            }
            if (resolve(target, byReference) == null) {
                reasons.add("reference-resolves: " + resource.fhirType() + "/" + resource.getIdElement().getIdPart()
                        + " refers to " + target + ", which is not in the report");
            }
        }
        if (citizen != null && !(resource instanceof Patient)) {
            Optional<Reference> subject = subject(resource);
            if (subject.isEmpty() || resolve(subject.get().getReference(), byReference) != citizen) {
                reasons.add("subject-is-citizen: the subject of " + resource.fhirType() + "/"
                        + resource.getIdElement().getIdPart() + " must be the report's citizen");
            }
        }
        return reasons;
    }

    static Resource resolve(String target, Map<String, Resource> byReference) {
        if (target == null) {
            return null;
        }
        Resource direct = byReference.get(target);
        if (direct != null) {
            return direct;
        }
        // an absolute URL whose last two segments are Type/id
        String[] parts = target.split("/");
        return parts.length >= 2 ? byReference.get(parts[parts.length - 2] + "/" + parts[parts.length - 1]) : null;
    }

    private Optional<Reference> subject(Resource resource) {
        return terser.getValues(resource, "subject", Reference.class).stream().findFirst();
    }

    static Optional<Patient> citizen(Bundle report) {
        return report.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst();
    }

}
