package dk.eojxds.repository.documents;

import ca.uhn.fhir.parser.DataFormatException;

/**
 * Why a document could not be built, which decides what happens next (docs/documents.md, "When a
 * document cannot be built"):
 * <ul>
 *   <li>{@link #DATA}: the document's data. The builder or the checks refused it
 *       ({@link InvalidDocumentException}), HAPI could not read the stored resource
 *       ({@link DataFormatException}) or a value in it is not valid ({@link IllegalArgumentException},
 *       what the model's validated types throw). Building it again gives the same answer: recorded
 *       once and parked for an operator; the series' next change tries again.</li>
 *   <li>{@link #WAITING}: reference data it needs is not there yet ({@link WaitingForReferenceData}).</li>
 *   <li>{@link #TRANSIENT}: anything else. Not shown to be about the document (a library's or the
 *       configuration's exception such as HAPI's {@code ConfigurationException}, a timeout, a lost
 *       connection, an unexpected error of our own), so it is tried again automatically with
 *       backoff, and parked only once it has failed {@code max-attempts} times.</li>
 * </ul>
 */
enum BuildFailureKind {
    DATA, TRANSIENT, WAITING;

    static BuildFailureKind of(Throwable failure) {
        if (failure instanceof WaitingForReferenceData) {
            return WAITING;
        }
        if (failure instanceof InvalidDocumentException || failure instanceof DataFormatException
                || failure instanceof IllegalArgumentException) {
            return DATA;
        }
        return TRANSIENT;
    }
}
