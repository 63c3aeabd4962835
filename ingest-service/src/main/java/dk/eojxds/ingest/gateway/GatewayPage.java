package dk.eojxds.ingest.gateway;

import java.time.Instant;
import java.util.List;

/**
 * One search page as received: the entries' raw JSON (parsed later, one by one, so that a broken
 * entry cannot take its neighbours with it) and the paging links.
 */
public record GatewayPage(String selfUrl, String nextUrl, List<RawEntry> entries) {

    /**
     * An entry's resource exactly as sent, with the few fields read before validation, and a
     * problem found on the way in (undecodable bytes) that refuses it whatever it says.
     */
    public record RawEntry(String resourceType, String id, Instant lastUpdated, String json, String problem) {

        public RawEntry(String resourceType, String id, Instant lastUpdated, String json) {
            this(resourceType, id, lastUpdated, json, null);
        }
    }

    public Instant newestLastUpdated() {
        Instant newest = null;
        for (RawEntry entry : entries) {
            if (entry.lastUpdated() != null && (newest == null || entry.lastUpdated().isAfter(newest))) {
                newest = entry.lastUpdated();
            }
        }
        return newest;
    }
}
