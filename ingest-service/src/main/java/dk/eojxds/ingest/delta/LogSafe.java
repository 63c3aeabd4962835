package dk.eojxds.ingest.delta;

/** A URL from the gateway (a next link, a redirect) fit for a log line: no control characters, no query secrets' length. */
final class LogSafe {

    private LogSafe() {
    }

    static String url(String url) {
        if (url == null) {
            return null;
        }
        String cut = url.length() > 300 ? url.substring(0, 300) + "…" : url;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
