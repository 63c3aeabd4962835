package dk.eojxds.ingest.validation;

/**
 * A resource outside its feed's data scope: never stored, and of it only what an operator needs
 * to take it up with the municipality is kept (no payload, no codes, no citizen).
 */
public record WithheldResource(String resourceType, String resourceId, String reportId, String rule) {

    /** The rule's name, the part before the colon. */
    String ruleName() {
        int colon = rule.indexOf(':');
        return colon < 0 ? rule : rule.substring(0, colon);
    }
}
