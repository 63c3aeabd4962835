package dk.eojxds.ingest.delta;

import dk.eojxds.model.LogSafe;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** FHIR searches against the gateway: resources changed since a point in time, page by page. */
@Component
class GatewayClient {

    private final GatewayHttp http;
    private final GatewayProperties properties;

    GatewayClient(GatewayHttp http, GatewayProperties properties) {
        this.http = http;
        this.properties = properties;
    }

    /** First page of the resources whose meta.lastUpdated is at or after {@code since}, oldest first. */
    GatewayPage changedSince(Feed feed, Instant since) {
        String base = feed.baseUrl() == null || feed.baseUrl().isBlank() ? properties.baseUrl() : feed.baseUrl();
        StringBuilder url = new StringBuilder(base.replaceAll("/+$", ""))
                .append('/').append(feed.resourceType())
                .append("?_lastUpdated=ge").append(encode(since.toString()))
                .append("&_sort=_lastUpdated&_count=").append(feed.pageSize());
        if (feed.profile() != null && !feed.profile().isBlank()) {
            url.append("&_profile=").append(encode(feed.profile()));
        }
        return fetch(url.toString());
    }

    Optional<GatewayPage> nextPage(GatewayPage page) {
        return page.nextUrl() == null ? Optional.empty() : Optional.of(fetch(page.nextUrl()));
    }

    private GatewayPage fetch(String url) {
        GatewayHttp.Body body = http.get(url);
        try {
            return PageSplitter.split(body.text(), url, body.invalidUtf8());
        } catch (IOException e) {
            // A page whose own structure cannot be read cannot be split into entries; retrying later
            // is the only way not to lose them (the cursor does not move).
            throw new GatewayUnavailableException("gateway page is not a readable Bundle: " + LogSafe.text(url) + ": "
                    + e.getMessage(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
