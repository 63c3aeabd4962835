package dk.eojxds.ingest.gateway;

/** The gateway did not answer usefully after every allowed attempt. */
public class GatewayUnavailableException extends RuntimeException {

    public GatewayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
