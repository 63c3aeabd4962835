package dk.eojxds.ingest.gateway;

import dk.eojxds.ingest.feed.GatewayProperties;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The origins (scheme, host, port) the gateway is configured at: the only places a request of
 * ours, and so the gateway's bearer token, may go. A {@code next} link or a redirect elsewhere is
 * refused, not followed.
 */
@Component
class GatewayOrigins {

    private final Set<String> allowed = new HashSet<>();

    GatewayOrigins(GatewayProperties properties) {
        allowed.add(origin(properties.baseUrl()));
        properties.feeds().values().stream().map(GatewayProperties.FeedProperties::baseUrl)
                .filter(url -> url != null && !url.isBlank()).forEach(url -> allowed.add(origin(url)));
    }

    boolean allows(String url) {
        try {
            return allowed.contains(origin(url));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("not an absolute http(s) URL without user info: " + url);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
