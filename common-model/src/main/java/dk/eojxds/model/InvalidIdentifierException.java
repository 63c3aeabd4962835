package dk.eojxds.model;

/** An identifier (CPR, SOR, OID) that does not have the required syntax. */
public class InvalidIdentifierException extends IllegalArgumentException {

    public InvalidIdentifierException(String message) {
        super(message);
    }
}
