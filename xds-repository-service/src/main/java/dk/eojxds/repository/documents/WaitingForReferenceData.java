package dk.eojxds.repository.documents;

/**
 * The data is fine, but something it refers to is not configured yet (a questionnaire missing from
 * K-PRO's catalogue): no document is built, the change waits as a build failure whose reason starts
 * with {@link #REASON_PREFIX}, and is taken again when the reference appears.
 */
public class WaitingForReferenceData extends RuntimeException {

    static final String REASON_PREFIX = "Waiting: ";

    public WaitingForReferenceData(String message) {
        super(message);
    }
}
