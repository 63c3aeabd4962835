package dk.eojxds.ingest.validation;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.DataFamily;
import java.time.Instant;

/**
 * A validated upstream resource, ready to be stored with the columns it is queried by; the
 * municipality (its SOR code, as the resource names it) is for the operators' status page.
 */
public record IngestedResource(
        String resourceType,
        String resourceId,
        DataFamily family,
        Cpr citizen,
        String partitionKey,
        Long versionId,
        Instant lastUpdated,
        String status,
        String rawJson,
        String municipalitySor) {

    /** True when this is a newer version than the other of the same resource. */
    public boolean isNewerThan(IngestedResource other) {
        long mine = versionId == null ? -1 : versionId;
        long theirs = other.versionId == null ? -1 : other.versionId;
        return mine != theirs ? mine > theirs : lastUpdated.isAfter(other.lastUpdated);
    }
}
