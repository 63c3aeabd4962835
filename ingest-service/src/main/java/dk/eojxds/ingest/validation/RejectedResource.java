package dk.eojxds.ingest.validation;

import java.util.List;

/**
 * Input that failed validation, with every reason, kept for the quarantine; with the SOR code of
 * the municipality it names when that could still be read (null otherwise), for the status page
 * and the per-municipality quarantine alert.
 */
public record RejectedResource(String resourceType, String resourceId, List<String> reasons, String rawPayload,
                               String municipalitySor) {

    public RejectedResource {
        reasons = List.copyOf(reasons);
    }

    public RejectedResource(String resourceType, String resourceId, List<String> reasons, String rawPayload) {
        this(resourceType, resourceId, reasons, rawPayload, null);
    }
}
