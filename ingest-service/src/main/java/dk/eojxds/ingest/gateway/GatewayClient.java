package dk.eojxds.ingest.gateway;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.feed.GatewayProperties;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** FHIR searches against the gateway: resources changed since a point in time, page by page. */
@Component
public class GatewayClient {

    private final GatewayHttp http;
    private final GatewayProperties properties;

    GatewayClient(GatewayHttp http, GatewayProperties properties) {
        this.http = http;
        this.properties = properties;
    }

    /** First page of the resources whose meta.lastUpdated is at or after {@code since}, oldest first. */
    public GatewayPage changedSince(Feed feed, Instant since) {
        return fetch(search(feed, since).toString());
    }

    /** First page of the resources with {@code since <= meta.lastUpdated < before}, oldest first. */
    public GatewayPage changedBetween(Feed feed, Instant since, Instant before) {
        return fetch(search(feed, since).append("&_lastUpdated=lt").append(encode(before.toString())).toString());
    }

    private StringBuilder search(Feed feed, Instant since) {
        String base = feed.baseUrl() == null || feed.baseUrl().isBlank() ? properties.baseUrl() : feed.baseUrl();
        StringBuilder url = new StringBuilder(base.replaceAll("/+$", ""))
                .append('/').append(feed.resourceType())
                .append("?_lastUpdated=ge").append(encode(since.toString()))
                .append("&_sort=_lastUpdated&_count=").append(feed.pageSize());
        if (feed.profile() != null && !feed.profile().isBlank()) {
            url.append("&_profile=").append(encode(feed.profile()));
        }
        return url;
    }

    public Optional<GatewayPage> nextPage(GatewayPage page) {
        return page.nextUrl() == null ? Optional.empty() : Optional.of(fetch(page.nextUrl()));
    }

    /**
     * Hands every page from {@code first} on to {@code each}, following next links; a next link
     * already followed ends the walk (a page loop). For the reads that need no prefetch: the
     * reconciliation sweep and the narrowing of an unreadable page.
     */
    public void forEachPage(GatewayPage first, java.util.function.Consumer<GatewayPage> each) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (GatewayPage page = first; page != null; page = nextPage(page).orElse(null)) {
            each.accept(page);
            if (page.nextUrl() == null || !seen.add(page.nextUrl())) {
                return;
            }
        }
    }

    private GatewayPage fetch(String url) {
        GatewayHttp.Body body = http.get(url);
        try {
            return PageSplitter.split(body.text(), url, body.invalidUtf8());
        } catch (IOException e) {
            // A page whose own structure cannot be read cannot be split into entries: the cursor does not
            // move, the poller retries and, after eojxds.fkg.unreadable-page-attempts, narrows it down
            throw new UnreadablePageException(url, body.text(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
