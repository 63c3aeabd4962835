package dk.eojxds.repository.publishing;

import org.springframework.stereotype.Component;

/**
 * Asked by the document store, in the transaction that stores a document or withdraws one,
 * whether the change goes to the registry: only when the municipality that authored it (its SOR
 * code in the reference data) is live for the family. A SOR code no municipality has is held
 * like a municipality that is not live. Holds the publishing lock shared until the transaction
 * ends, so no change of state passes the document.
 */
@Component
public class PublishingGate {

    private final Publications publications;

    PublishingGate(Publications publications) {
        this.publications = publications;
    }

    public boolean publishes(String authorSor, String family) {
        publications.lockShared();
        return publications.stateOfAuthor(authorSor, family).orElse(PublishingState.PENDING) == PublishingState.LIVE;
    }
}
