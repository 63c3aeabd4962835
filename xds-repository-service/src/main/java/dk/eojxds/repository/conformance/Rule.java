package dk.eojxds.repository.conformance;

/**
 * One conformance statement of a profile, as a check: for every node the {@code context} XPath
 * selects, {@code test} (an XPath 3.1 boolean expression) must hold. The prefix {@code h} is the
 * HL7 V3 namespace.
 *
 * @param id        the statement's id in the profile (e.g. {@code CONF-PHMR-DK-6}, {@code QRD-DK CONF-DK:14})
 * @param statement what the profile says, in short
 */
public record Rule(String id, String context, String test, String statement) {

    static Rule of(String id, String context, String test, String statement) {
        return new Rule(id, context, test, statement);
    }

    /** An attribute of the context node that must match a regular expression as a whole. */
    static Rule matching(String id, String context, String attribute, String regex, String statement) {
        return new Rule(id, context, "matches(@" + attribute + ", '^(" + regex + ")$')", statement);
    }

    static final String UUID_V4 = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}";
}
