package dk.eojxds.ingest.delta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** FHIR searches against the gateway: resources changed since a point in time, page by page. */
@Component
class GatewayClient {

    private final GatewayHttp http;
    private final GatewayProperties properties;
    private final ObjectMapper json = new ObjectMapper();

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
        String body = http.get(url);
        try {
            return parse(body, url);
        } catch (IOException e) {
            // A page that is not even JSON cannot be split into entries; retrying later is the only
            // way not to lose them (the cursor does not move).
            throw new GatewayUnavailableException("gateway page is not valid JSON: " + url, e);
        }
    }

    GatewayPage parse(String body, String url) throws IOException {
        JsonNode bundle = json.readTree(body);
        if (!"Bundle".equals(bundle.path("resourceType").asText())) {
            throw new IOException("not a Bundle");
        }
        String self = url;
        String next = null;
        for (JsonNode link : bundle.path("link")) {
            if ("next".equals(link.path("relation").asText())) {
                next = link.path("url").asText();
            } else if ("self".equals(link.path("relation").asText())) {
                self = link.path("url").asText();
            }
        }
        List<GatewayPage.RawEntry> entries = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            if ("outcome".equals(entry.path("search").path("mode").asText())) {
                continue;
            }
            JsonNode resource = entry.path("resource");
            if (resource.isMissingNode()) {
                continue;
            }
            entries.add(new GatewayPage.RawEntry(text(resource, "resourceType"), text(resource, "id"),
                    instant(resource.path("meta").path("lastUpdated").asText(null)), resource.toString()));
        }
        return new GatewayPage(self, next, entries);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
