package dk.eojxds.ingest.validation;

import java.util.List;

/**
 * What one entry of a page became: stored resources, or one quarantined item; and, for an FSIII
 * report, the resources of it withheld as outside the feed's data scope.
 */
public record EntryOutcome(List<IngestedResource> accepted, RejectedResource rejected, List<WithheldResource> withheld) {

    public EntryOutcome {
        accepted = List.copyOf(accepted);
        withheld = List.copyOf(withheld);
    }

    public static EntryOutcome accept(List<IngestedResource> resources) {
        return new EntryOutcome(resources, null, List.of());
    }

    public static EntryOutcome accept(IngestedResource resource) {
        return new EntryOutcome(List.of(resource), null, List.of());
    }

    public static EntryOutcome reject(String resourceType, String id, List<String> reasons, String raw) {
        return reject(resourceType, id, reasons, raw, null);
    }

    /** Rejected, naming the municipality (SOR code) when it could still be read from the entry. */
    public static EntryOutcome reject(String resourceType, String id, List<String> reasons, String raw, String municipalitySor) {
        return new EntryOutcome(List.of(), new RejectedResource(resourceType, id, reasons, raw, municipalitySor), List.of());
    }

    public EntryOutcome withheld(List<WithheldResource> outOfScope) {
        return new EntryOutcome(accepted, rejected, outOfScope);
    }
}
