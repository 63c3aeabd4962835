package dk.eojxds.ingest.delta;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import dk.eojxds.model.Cpr;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/** Turns one search page of home-measurement Observations into accepted and rejected resources. */
@Component
class TelmaPageReader {

    // Measurements are grouped into documents per Danish calendar day.
    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private final FhirContext fhir;

    TelmaPageReader(FhirContext fhir) {
        this.fhir = fhir;
    }

    PageContent read(Feed feed, Bundle page, String position) {
        IParser json = fhir.newJsonParser();
        List<IngestedResource> accepted = new ArrayList<>();
        List<RejectedResource> rejected = new ArrayList<>();
        Instant newest = null;
        for (Bundle.BundleEntryComponent entry : page.getEntry()) {
            if (entry.getSearch().getMode() == Bundle.SearchEntryMode.OUTCOME || !entry.hasResource()) {
                continue;
            }
            Resource resource = entry.getResource();
            String raw = json.encodeResourceToString(resource);
            String id = resource.getIdElement().getIdPart();
            if (resource.getMeta().hasLastUpdated()) {
                Instant lastUpdated = resource.getMeta().getLastUpdated().toInstant();
                newest = newest == null || lastUpdated.isAfter(newest) ? lastUpdated : newest;
            }
            if (!(resource instanceof Observation observation)) {
                rejected.add(new RejectedResource(resource.fhirType(), id,
                        List.of("resource-type: feed " + feed.name() + " carries only " + feed.resourceType()), raw));
                continue;
            }
            List<String> violations = TelmaObservationRules.violations(observation);
            if (!violations.isEmpty()) {
                rejected.add(new RejectedResource("Observation", id, violations, raw));
                continue;
            }
            accepted.add(toIngested(feed, observation, id, raw));
        }
        return new PageContent(position, accepted, rejected, newest);
    }

    private static IngestedResource toIngested(Feed feed, Observation observation, String id, String raw) {
        Cpr citizen = TelmaObservationRules.citizen(observation).orElseThrow();
        String day = observation.getEffectiveDateTimeType().getValue().toInstant()
                .atZone(DANISH_TIME).toLocalDate().toString();
        String versionId = observation.getMeta().getVersionId();
        Long version = versionId != null && versionId.matches("\\d{1,18}") ? Long.valueOf(versionId) : null;
        return new IngestedResource("Observation", id, feed.family(), citizen, day, version,
                observation.getMeta().getLastUpdated().toInstant(), observation.getStatus().toCode(), raw);
    }
}
