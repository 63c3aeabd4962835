package dk.eojxds.repository.conformance;

import java.util.function.Predicate;
import org.w3c.dom.Node;

/**
 * One conformance statement of a profile, as a check: for every node the {@code context} XPath
 * selects, {@code test} (an XPath 1.0 boolean expression, or a Java predicate where XPath 1.0 has
 * no regular expressions) must hold. The prefix {@code h} is the HL7 V3 namespace.
 *
 * @param id        the statement's id in the profile (e.g. {@code CONF-PHMR-DK-6}, {@code QRD-DK CONF-DK:14})
 * @param statement what the profile says, in short
 */
public record Rule(String id, String context, String test, Predicate<Node> predicate, String statement) {

    static Rule of(String id, String context, String test, String statement) {
        return new Rule(id, context, test, null, statement);
    }

    static Rule where(String id, String context, Predicate<Node> predicate, String statement) {
        return new Rule(id, context, null, predicate, statement);
    }

    /** An attribute of the context node matching a regular expression. */
    static Predicate<Node> attributeMatches(String attribute, String regex) {
        return node -> {
            Node value = node.getAttributes() == null ? null : node.getAttributes().getNamedItem(attribute);
            return value != null && value.getNodeValue().matches(regex);
        };
    }

    static final String UUID_V4 = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}";
}
