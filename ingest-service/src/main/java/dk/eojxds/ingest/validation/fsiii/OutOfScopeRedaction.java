package dk.eojxds.ingest.validation.fsiii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dk.eojxds.ingest.validation.WithheldResource;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cuts the resources outside the scope out of a report before the report goes to the quarantine:
 * the quarantine keeps what an operator needs to repair the report, never care data the
 * repository has no basis to hold. The payload is then re-serialised (not byte-exact), which the
 * quarantine item's reasons say.
 */
final class OutOfScopeRedaction {

    static final String NOTE = "redacted: the report's resources outside the feed's data scope were cut out of "
            + "this payload (see ingest.withheld)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutOfScopeRedaction() {
    }

    static String without(String reportJson, List<WithheldResource> withheld) {
        Set<String> cut = withheld.stream().map(w -> w.resourceType() + "/" + w.resourceId()).collect(Collectors.toSet());
        try {
            JsonNode report = JSON.readTree(reportJson);
            if (report.path("entry") instanceof ArrayNode entries) {
                for (Iterator<JsonNode> it = entries.iterator(); it.hasNext(); ) {
                    JsonNode resource = it.next().path("resource");
                    if (cut.contains(resource.path("resourceType").asText() + "/" + resource.path("id").asText())) {
                        it.remove();
                    }
                }
            }
            return JSON.writeValueAsString(report);
        } catch (IOException | RuntimeException e) {
            // not readable as JSON after all: keep nothing rather than care data
            return "{\"redacted\":\"the report could not be redacted and is not kept\"}";
        }
    }
}
