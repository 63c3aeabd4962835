package dk.eojxds.ingest.validation;

import java.time.Instant;
import java.util.List;

/** What one page of a feed held, after validation. */
public record PageContent(String position, List<IngestedResource> accepted, List<RejectedResource> rejected,
                   List<WithheldResource> withheld, Instant newestLastUpdated) {

    public PageContent {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
        withheld = List.copyOf(withheld);
    }
}
