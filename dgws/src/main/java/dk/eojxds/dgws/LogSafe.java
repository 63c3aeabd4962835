package dk.eojxds.dgws;

/**
 * Caller-supplied text made safe for a log line or an audit column: control characters (line
 * breaks that would forge log entries, NUL that PostgreSQL refuses) become {@code ?}, and the
 * text is cut at {@value #MAX} characters.
 */
public final class LogSafe {

    static final int MAX = 300;

    private LogSafe() {
    }

    public static String text(String value) {
        if (value == null) {
            return null;
        }
        int length = Math.min(value.length(), MAX);
        StringBuilder safe = new StringBuilder(length + 1);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            safe.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        if (value.length() > MAX) {
            safe.append('…');
        }
        return safe.toString();
    }
}
