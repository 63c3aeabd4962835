package dk.eojxds.repository.citizen;

/** The CPR lookup did not answer: whatever needed it waits and is tried again later; nothing is lost. */
public class CitizenLookupUnavailable extends RuntimeException {

    public CitizenLookupUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
