package dk.eojxds.ingest.delta;

import java.util.List;

/**
 * What one entry of a page became: stored resources, or one quarantined item; and, for an FSIII
 * report, the resources of it withheld as outside the feed's data scope.
 */
record EntryOutcome(List<IngestedResource> accepted, RejectedResource rejected, List<WithheldResource> withheld) {

    EntryOutcome {
        accepted = List.copyOf(accepted);
        withheld = List.copyOf(withheld);
    }

    static EntryOutcome accept(List<IngestedResource> resources) {
        return new EntryOutcome(resources, null, List.of());
    }

    static EntryOutcome accept(IngestedResource resource) {
        return new EntryOutcome(List.of(resource), null, List.of());
    }

    static EntryOutcome reject(String resourceType, String id, List<String> reasons, String raw) {
        return reject(resourceType, id, reasons, raw, null);
    }

    /** Rejected, naming the municipality (SOR code) when it could still be read from the entry. */
    static EntryOutcome reject(String resourceType, String id, List<String> reasons, String raw, String municipalitySor) {
        return new EntryOutcome(List.of(), new RejectedResource(resourceType, id, reasons, raw, municipalitySor), List.of());
    }

    EntryOutcome withheld(List<WithheldResource> outOfScope) {
        return new EntryOutcome(accepted, rejected, outOfScope);
    }
}
