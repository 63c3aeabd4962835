package dk.eojxds.ingest.delta;

import java.time.Instant;
import java.util.List;

/** What one page of a feed held, after validation. */
record PageContent(String position, List<IngestedResource> accepted, List<RejectedResource> rejected,
                   Instant newestLastUpdated) {

    PageContent {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }
}
