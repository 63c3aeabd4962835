package dk.eojxds.ingest.delta;

import java.time.Instant;
import java.util.List;

/**
 * One search page as received: the entries' raw JSON (parsed later, one by one, so that a broken
 * entry cannot take its neighbours with it) and the paging links.
 */
record GatewayPage(String selfUrl, String nextUrl, List<RawEntry> entries) {

    /** An entry's resource, with the few fields read before validation. */
    record RawEntry(String resourceType, String id, Instant lastUpdated, String json) {
    }

    Instant newestLastUpdated() {
        Instant newest = null;
        for (RawEntry entry : entries) {
            if (entry.lastUpdated() != null && (newest == null || entry.lastUpdated().isAfter(newest))) {
                newest = entry.lastUpdated();
            }
        }
        return newest;
    }
}
