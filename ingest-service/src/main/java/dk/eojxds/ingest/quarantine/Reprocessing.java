package dk.eojxds.ingest.quarantine;

import java.util.List;

/** Re-validates a quarantined payload and, when it now passes, stores it as a delta would. */
public interface Reprocessing {

    /** @return the reasons it still fails; empty when it was stored */
    List<String> reprocess(String feedName, String resourceType, String resourceId, String rawPayload);
}
