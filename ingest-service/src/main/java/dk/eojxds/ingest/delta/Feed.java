package dk.eojxds.ingest.delta;

import dk.eojxds.model.DataFamily;

/** One stream of resources pulled from the gateway, with its own cursor. */
public record Feed(String name, DataFamily family, String resourceType, String profile, int pageSize) {

    static Feed of(String name, GatewayProperties.FeedProperties properties) {
        return new Feed(name, properties.family(), properties.resourceType(), properties.profile(),
                properties.pageSize());
    }
}
