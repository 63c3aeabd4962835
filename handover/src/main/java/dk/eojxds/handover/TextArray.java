package dk.eojxds.handover;

import java.util.Collection;

/**
 * A PostgreSQL {@code text[]} literal, for a parameter cast with {@code ?::text[]}: every element
 * quoted and escaped, so commas, braces, quotes, backslashes and spaces stay inside their element.
 */
public final class TextArray {

    private TextArray() {
    }

    public static String literal(Collection<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
