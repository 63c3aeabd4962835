package dk.eojxds.ingest.delta;

import java.util.List;

/** Input that failed validation, with every reason, kept for the quarantine. */
public record RejectedResource(String resourceType, String resourceId, List<String> reasons, String rawPayload) {

    public RejectedResource {
        reasons = List.copyOf(reasons);
    }
}
