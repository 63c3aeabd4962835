package dk.eojxds.ingest.delta;

/** The gateway did not answer usefully after every allowed attempt. */
public class GatewayUnavailableException extends RuntimeException {

    public GatewayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
