package dk.eojxds.ingest.validation.fsiii;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.feed.Feeds;
import dk.eojxds.ingest.gateway.GatewayPage;
import dk.eojxds.ingest.gateway.PageSplitter;
import dk.eojxds.ingest.validation.EntryOutcome;
import dk.eojxds.ingest.validation.FamilyReader;
import dk.eojxds.ingest.validation.IngestedResource;
import dk.eojxds.ingest.validation.RejectedResource;
import dk.eojxds.ingest.validation.WithheldResource;
import dk.eojxds.ingest.validation.support.StructuralParser;
import dk.eojxds.ingest.validation.support.Timing;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DataFamily;
import dk.eojxds.model.SorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * FSIII DeliveryReports: a report is validated as a whole (it is the unit the municipality
 * delivers, and its parts refer to each other) and, when valid, each of its resources is stored
 * for the citizen's one current FSIII overview. One clock orders every report, pulled or pushed:
 * the gateway's {@code meta.lastUpdated} (a resource from an older report never overwrites one
 * from a newer report). {@code Bundle.timestamp} is the sender's clock and orders nothing. A pulled
 * report must carry {@code meta.lastUpdated}; a pushed one without it is ordered by its receipt time
 * (our clock: never ahead). A {@code meta.lastUpdated} more than {@link Timing#CLOCK_SKEW} in the future
 * is quarantined (a report stamped 2099 would otherwise freeze the citizen's FSIII data).
 */
@Component
public class FsiiiReportReader implements FamilyReader {

    public static final String CURRENT = "current";

    private final StructuralParser parser;
    private final FsiiiReportRules rules;
    private final FhirContext fhir;
    private final FsiiiProperties properties;

    public FsiiiReportReader(StructuralParser parser, FsiiiReportRules rules, FhirContext fhir, FsiiiProperties properties) {
        this.parser = parser;
        this.rules = rules;
        this.fhir = fhir;
        this.properties = properties;
    }

    @Override
    public DataFamily family() {
        return DataFamily.FSIII;
    }

    @Override
    public EntryOutcome read(Feed feed, GatewayPage.RawEntry entry) {
        if (!"Bundle".equals(entry.resourceType())) {
            return EntryOutcome.reject(entry.resourceType(), entry.id(),
                    List.of("resource-type: feed " + feed.name() + " carries only DeliveryReport Bundles, not "
                            + entry.resourceType()), entry.json());
        }
        // a pushed report re-processed from the quarantine is received again now
        return readReport(feed, entry.id(), entry.json(), Feeds.PUSH.name().equals(feed.name()) ? Instant.now() : null);
    }

    /**
     * A report of {@code feed}, pulled ({@code receivedAt} null) or pushed (received at
     * {@code receivedAt}). Its resources outside the feed's scope are withheld: not stored, and
     * cut out of the payload if the report goes to the quarantine.
     */
    public EntryOutcome readReport(Feed feed, String id, String json, Instant receivedAt) {
        StructuralParser.Parsed<Bundle> parsed = parser.parse(json, Bundle.class);
        List<String> reasons = new ArrayList<>(parsed.problems());
        List<WithheldResource> withheld = List.of();
        if (parsed.resource() != null) {
            FsiiiReportRules.Checked checked = rules.check(parsed.resource(), properties.scopeOf(feed.name()));
            reasons.addAll(checked.violations());
            withheld = withheld(id, checked.withheld());
        }
        EntryOutcome outcome = read(id, json, receivedAt, parsed, reasons, withheld);
        if (outcome.rejected() != null && !withheld.isEmpty()) {
            RejectedResource rejected = outcome.rejected();
            List<String> noted = new ArrayList<>(rejected.reasons());
            noted.add(OutOfScopeRedaction.NOTE);
            outcome = EntryOutcome.reject(rejected.resourceType(), rejected.resourceId(), noted,
                    OutOfScopeRedaction.without(rejected.rawPayload(), withheld), rejected.municipalitySor());
        }
        return outcome.withheld(withheld);
    }

    // the citizen's managing organisation, when the report has a citizen that names one
    private static String municipality(Bundle report) {
        return FsiiiReportRules.citizen(report).map(p -> p.getManagingOrganization().getIdentifier().getValue())
                .filter(SorCode::isValid).orElse(null);
    }

    private static List<WithheldResource> withheld(String reportId, Map<Resource, String> outOfScope) {
        return outOfScope.entrySet().stream().map(e -> new WithheldResource(e.getKey().fhirType(),
                Objects.requireNonNullElse(e.getKey().getIdElement().getIdPart(), "(no id)"), reportId, e.getValue()))
                .toList();
    }

    private EntryOutcome read(String id, String json, Instant receivedAt, StructuralParser.Parsed<Bundle> parsed,
                              List<String> reasons, List<WithheldResource> withheld) {
        if (!reasons.isEmpty()) {
            return EntryOutcome.reject("Bundle", id, reasons, json, parsed.resource() == null ? null
                    : municipality(parsed.resource()));
        }
        Bundle report = parsed.resource();
        Patient patient = FsiiiReportRules.citizen(report).orElseThrow();
        Cpr citizen = Cpr.of(patient.getIdentifierFirstRep().getValue());
        String municipality = patient.getManagingOrganization().getIdentifier().getValue();
        Instant reportUpdated = report.getMeta().hasLastUpdated() ? report.getMeta().getLastUpdated().toInstant()
                : receivedAt;
        if (reportUpdated == null) {
            return EntryOutcome.reject("Bundle", id, List.of("report-last-updated: Bundle.meta.lastUpdated is "
                    + "required; the gateway stamps every report it holds, and it orders the report's versions"), json);
        }
        if (Timing.inFuture(reportUpdated)) {
            return EntryOutcome.reject("Bundle", id, List.of("timing: Bundle.meta.lastUpdated " + reportUpdated
                    + " is in the future"), json);
        }
        IParser encoder = fhir.newJsonParser();
        List<String> asSent = entriesAsSent(json, report);
        List<IngestedResource> resources = new ArrayList<>();
        java.util.Set<String> outOfScope = withheld.stream().map(w -> w.resourceType() + "/" + w.resourceId())
                .collect(java.util.stream.Collectors.toSet());
        for (int i = 0; i < report.getEntry().size(); i++) {
            Resource resource = report.getEntry().get(i).getResource();
            if (outOfScope.contains(resource.fhirType() + "/" + resource.getIdElement().getIdPart())) {
                continue;
            }
            resources.add(new IngestedResource(resource.fhirType(), resource.getIdElement().getIdPart(),
                    DataFamily.FSIII, citizen, CURRENT, null, reportUpdated, status(resource),
                    asSent != null ? asSent.get(i) : encoder.encodeResourceToString(resource), municipality));
        }
        return EntryOutcome.accept(resources);
    }

    /**
     * Each entry's resource exactly as the sender wrote it (decimals, strings, order, spacing), in
     * entry order; null if the text and the parsed report do not line up, and then HAPI's encoding is
     * stored (the same data, re-serialised).
     */
    private static List<String> entriesAsSent(String json, Bundle report) {
        try {
            List<GatewayPage.RawEntry> entries = PageSplitter.split(json, "report", false).entries();
            if (entries.size() != report.getEntry().size()) {
                return null;
            }
            for (int i = 0; i < entries.size(); i++) {
                Resource parsed = report.getEntry().get(i).getResource();
                if (!parsed.fhirType().equals(entries.get(i).resourceType())
                        || !java.util.Objects.equals(parsed.getIdElement().getIdPart(), entries.get(i).id())) {
                    return null;
                }
            }
            return entries.stream().map(GatewayPage.RawEntry::json).toList();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The status column: entered-in-error wherever the profile expresses it, deceased/inactive for the citizen. */
    static String status(Resource resource) {
        if (resource instanceof Patient patient) {
            if (patient.hasDeceasedBooleanType() && patient.getDeceasedBooleanType().booleanValue()) {
                return "deceased";
            }
            return patient.hasActive() && !patient.getActive() ? "inactive" : "active";
        }
        if (resource instanceof Condition condition) {
            String verification = condition.getVerificationStatus().getCodingFirstRep().getCode();
            return "entered-in-error".equals(verification) ? verification
                    : condition.getClinicalStatus().getCodingFirstRep().getCode();
        }
        if (resource instanceof Goal goal) {
            return goal.getLifecycleStatus() == null ? null : goal.getLifecycleStatus().toCode();
        }
        if (resource instanceof CarePlan plan) {
            return plan.getStatus() == null ? null : plan.getStatus().toCode();
        }
        if (resource instanceof Procedure procedure) {
            return procedure.getStatus() == null ? null : procedure.getStatus().toCode();
        }
        if (resource instanceof Encounter encounter) {
            return encounter.getStatus() == null ? null : encounter.getStatus().toCode();
        }
        if (resource instanceof Observation observation) {
            return observation.getStatus() == null ? null : observation.getStatus().toCode();
        }
        return null;
    }
}
