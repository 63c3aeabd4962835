package dk.eojxds.ingest.quarantine;

import java.time.Instant;
import java.util.List;

/** A quarantined input: where it came from, every reason, and what became of it. */
public record QuarantineItem(
        long id,
        String feed,
        String family,
        String resourceType,
        String resourceId,
        String position,
        List<String> reasons,
        Instant firstSeenAt,
        Instant lastSeenAt,
        int timesSeen,
        String state,
        Instant resolvedAt,
        String resolvedBy,
        String resolutionNote,
        String rawPayload) {
}
