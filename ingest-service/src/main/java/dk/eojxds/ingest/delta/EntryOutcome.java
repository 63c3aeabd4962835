package dk.eojxds.ingest.delta;

import java.util.List;

/** What one entry of a page became: stored resources, or one quarantined item. */
record EntryOutcome(List<IngestedResource> accepted, RejectedResource rejected) {

    static EntryOutcome accept(List<IngestedResource> resources) {
        return new EntryOutcome(List.copyOf(resources), null);
    }

    static EntryOutcome accept(IngestedResource resource) {
        return new EntryOutcome(List.of(resource), null);
    }

    static EntryOutcome reject(String resourceType, String id, List<String> reasons, String raw) {
        return new EntryOutcome(List.of(), new RejectedResource(resourceType, id, reasons, raw));
    }
}
