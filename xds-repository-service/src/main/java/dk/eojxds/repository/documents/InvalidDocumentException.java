package dk.eojxds.repository.documents;

/** A built document failed its checks; it is not stored and the change is recorded as a build failure. */
public class InvalidDocumentException extends RuntimeException {

    public InvalidDocumentException(String message) {
        super(message);
    }
}
