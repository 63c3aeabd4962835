package dk.eojxds.ingest.gateway;

/**
 * A gateway page whose own structure cannot be read (not JSON, not a Bundle, broken inside): it
 * cannot be split into entries. Carries the raw answer, so that an operator can see it when the
 * page's time window is finally skipped.
 */
public class UnreadablePageException extends GatewayUnavailableException {

    private final String url;
    private final String body;

    UnreadablePageException(String url, String body, Throwable cause) {
        super("gateway page is not a readable Bundle: " + dk.eojxds.model.LogSafe.text(url) + ": " + cause.getMessage(),
                cause);
        this.url = url;
        this.body = body;
    }

    public String url() {
        return url;
    }

    public String body() {
        return body;
    }
}
