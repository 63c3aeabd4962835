package dk.eojxds.model;

/**
 * Caller-supplied text (a SOAP action, an ID card value, a request path, a gateway link) made safe
 * for a log line or an audit column: control characters (line breaks that would forge log
 * entries, NUL that PostgreSQL refuses) and Unicode line separators become {@code ?}, and the
 * text is cut at {@value #MAX} characters (or a given length).
 */
public final class LogSafe {

    public static final int MAX = 300;

    private LogSafe() {
    }

    public static String text(String value) {
        return text(value, MAX);
    }

    public static String text(String value, int max) {
        if (value == null) {
            return null;
        }
        int length = Math.min(value.length(), max);
        StringBuilder safe = new StringBuilder(length + 1);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            safe.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        if (value.length() > max) {
            safe.append('…');
        }
        return safe.toString();
    }
}
