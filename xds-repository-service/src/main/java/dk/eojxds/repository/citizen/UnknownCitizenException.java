package dk.eojxds.repository.citizen;

/** CPR answered, and does not know the number: a data error, not an outage. */
public class UnknownCitizenException extends RuntimeException {

    public UnknownCitizenException(String message) {
        super(message);
    }
}
