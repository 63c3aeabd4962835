package dk.eojxds.ingest.store;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.validation.RejectedResource;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Quarantined items per family and municipality ({@code eojxds.ingest.quarantined{family,municipality}},
 * the municipality's SOR code or {@code unknown}), for the alert on one municipality's quarantine
 * jumping ({@code EojxdsMunicipalityQuarantineJump}). At most one series per municipality and family.
 */
final class QuarantineCount {

    private QuarantineCount() {
    }

    static void count(MeterRegistry meters, Feed feed, List<RejectedResource> rejected) {
        String family = feed.family() == null ? "unknown" : feed.family().name();
        for (RejectedResource r : rejected) {
            meters.counter("eojxds.ingest.quarantined", "family", family, "municipality",
                    r.municipalitySor() == null ? "unknown" : r.municipalitySor()).increment();
        }
    }
}
