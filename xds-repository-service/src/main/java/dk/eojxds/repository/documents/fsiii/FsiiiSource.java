package dk.eojxds.repository.documents.fsiii;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import dk.eojxds.handover.IngestedResources;
import dk.eojxds.handover.SeriesKey;
import dk.eojxds.repository.documents.MetadataFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Reads a citizen's current FSIII resources from ingest-service's published {@code ingest.resource}
 * (resources entered in error left out), in a stable order.
 */
@Component
class FsiiiSource {

    private final IngestedResources ingested;
    private final FhirContext fhir;

    FsiiiSource(IngestedResources ingested, FhirContext fhir) {
        this.ingested = ingested;
        this.fhir = fhir;
    }

    /** The citizen's record: the Patient, the other resources, and when the data was last updated. */
    record FsiiiRecord(Patient citizen, List<Resource> resources, Instant dataAsOf, String fingerprint) {
    }

    FsiiiRecord load(String citizenCpr) {
        List<IngestedResources.Stored> rows = ingested.ofSeries(new SeriesKey("FSIII", citizenCpr, "current"));
        IParser parser = fhir.newJsonParser();
        Patient citizen = null;
        List<Resource> resources = new ArrayList<>();
        Instant newest = Instant.EPOCH;
        StringBuilder canonical = new StringBuilder();
        for (IngestedResources.Stored row : rows) {
            Resource resource = (Resource) parser.parseResource(row.rawJson());
            if (resource instanceof Patient patient) {
                citizen = patient;
            } else {
                resources.add(resource);
            }
            newest = row.lastUpdated().isAfter(newest) ? row.lastUpdated() : newest;
            canonical.append(row.rawJson()).append('\n');
        }
        return new FsiiiRecord(citizen, resources, newest, MetadataFactory.sha1(canonical.toString()));
    }

    /** True when ingest holds an operator's purge request for the citizen (data withdrawn as outside the scope). */
    boolean purgeRequested(String citizenCpr) {
        return ingested.fsiiiPurgeRequested(citizenCpr);
    }

    /** The purge request is done with once the documents are withdrawn (same transaction). */
    void purgeHandled(String citizenCpr) {
        ingested.fsiiiPurgeHandled(citizenCpr);
    }
}
