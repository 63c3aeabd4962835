package dk.eojxds.ingest.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a search page into its entries without changing a character of them: one streaming pass
 * over the page records where each entry's {@code resource} begins and ends and takes exactly
 * that text, so decimals ({@code 80.50}), strings and the order of fields are stored as the
 * gateway sent them. The pass is lenient where one entry's oddity must not take the page with it
 * (a {@code NaN} literal, nesting far deeper than any FHIR resource); each entry is then parsed
 * strictly on its own by its family's reader, which quarantines what does not parse. Only a page
 * whose own structure cannot be read (not JSON, not a Bundle) fails as a whole.
 */
public final class PageSplitter {

    private static final JsonFactory LENIENT = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000).build())
            .build();

    private PageSplitter() {
    }

    public static GatewayPage split(String body, String url, boolean invalidUtf8) throws IOException {
        String self = url;
        String next = null;
        String resourceType = null;
        List<GatewayPage.RawEntry> entries = new ArrayList<>();
        try (JsonParser parser = LENIENT.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "resourceType" -> resourceType = parser.getValueAsString();
                    case "link" -> {
                        for (String[] link : links(parser, value)) {
                            if ("next".equals(link[0])) {
                                next = link[1];
                            } else if ("self".equals(link[0]) && link[1] != null) {
                                self = link[1];
                            }
                        }
                    }
                    case "entry" -> entries(parser, value, body, invalidUtf8, entries);
                    default -> parser.skipChildren();
                }
            }
        }
        if (!"Bundle".equals(resourceType)) {
            throw new IOException("not a Bundle");
        }
        return new GatewayPage(self, next, entries);
    }

    private static List<String[]> links(JsonParser parser, JsonToken value) throws IOException {
        List<String[]> links = new ArrayList<>();
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return links;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String relation = null;
            String target = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("relation".equals(field)) {
                    relation = parser.getValueAsString();
                } else if ("url".equals(field)) {
                    target = parser.getValueAsString();
                } else {
                    parser.skipChildren();
                }
            }
            links.add(new String[] {relation, target});
        }
        return links;
    }

    private static void entries(JsonParser parser, JsonToken value, String body, boolean invalidUtf8,
                                List<GatewayPage.RawEntry> entries) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            GatewayPage.RawEntry resource = null;
            String mode = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if ("resource".equals(field) && token == JsonToken.START_OBJECT) {
                    resource = resource(parser, body, invalidUtf8);
                } else if ("search".equals(field) && token == JsonToken.START_OBJECT) {
                    mode = searchMode(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (resource != null && !"outcome".equals(mode)) {
                entries.add(resource);
            }
        }
    }

    // the resource's exact text, and the three fields read before validation
    private static GatewayPage.RawEntry resource(JsonParser parser, String body, boolean invalidUtf8)
            throws IOException {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        String type = null;
        String id = null;
        Instant lastUpdated = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if ("resourceType".equals(field) && token == JsonToken.VALUE_STRING) {
                type = parser.getText();
            } else if ("id".equals(field) && token == JsonToken.VALUE_STRING) {
                id = parser.getText();
            } else if ("meta".equals(field) && token == JsonToken.START_OBJECT) {
                lastUpdated = lastUpdated(parser);
            } else {
                parser.skipChildren();
            }
        }
        int end = (int) parser.currentLocation().getCharOffset();
        String json = body.substring(start, end);
        // undecodable bytes became U+FFFD: the entries they fell into are refused, the rest go on
        String problem = invalidUtf8 && json.indexOf('\uFFFD') >= 0
                ? "encoding: the gateway sent bytes in this resource that are not UTF-8" : null;
        return new GatewayPage.RawEntry(type, id, lastUpdated, json, problem);
    }

    private static Instant lastUpdated(JsonParser parser) throws IOException {
        Instant found = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if ("lastUpdated".equals(field) && token == JsonToken.VALUE_STRING) {
                try {
                    found = OffsetDateTime.parse(parser.getText()).toInstant();
                } catch (DateTimeParseException e) {
                    found = null;
                }
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }

    private static String searchMode(JsonParser parser) throws IOException {
        String mode = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if ("mode".equals(field)) {
                mode = parser.getValueAsString();
            } else {
                parser.skipChildren();
            }
        }
        return mode;
    }
}
