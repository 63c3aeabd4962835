package dk.eojxds.ingest.feed;

import dk.eojxds.model.DataFamily;
import java.time.Duration;

/** One stream of resources pulled from the gateway, with its own cursor. */
public record Feed(String name, DataFamily family, String resourceType, String profile, int pageSize, String baseUrl,
                   Duration pollInterval) {

    public Feed(String name, DataFamily family, String resourceType, String profile, int pageSize) {
        this(name, family, resourceType, profile, pageSize, null, null);
    }

    static Feed of(String name, GatewayProperties.FeedProperties properties) {
        return new Feed(name, properties.family(), properties.resourceType(), properties.profile(),
                properties.pageSize(), properties.baseUrl(), properties.pollInterval());
    }
}
