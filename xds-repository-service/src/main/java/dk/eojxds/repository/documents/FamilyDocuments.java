package dk.eojxds.repository.documents;

import dk.eojxds.handover.SeriesKey;
import java.util.Optional;

/** How one family turns a change into its document's next state. */
interface FamilyDocuments {

    String family();

    /**
     * @param current the series' current document, if any
     * @return what to do: store a new document, leave it, or withdraw the current one
     */
    BuildDecision decide(SeriesKey change, Optional<DocumentStore.CurrentDocument> current);

    /** The outcome of looking at a change. */
    sealed interface BuildDecision permits Store, Unchanged, Withdraw, Restart {
    }

    /** A new document, replacing the current one if there is one. */
    record Store(NewDocument document) implements BuildDecision {
    }

    /** Same data as the current document: nothing to publish. */
    record Unchanged() implements BuildDecision {
    }

    /** Nothing left to show (withdrawn data, or a rule): the current document is deprecated. */
    record Withdraw(String reason) implements BuildDecision {
    }

    /**
     * The current document showed what may not be shown (purged data): it is withdrawn, not
     * replaced, and a new series starts with {@code document} (null when nothing is left).
     */
    record Restart(String reason, NewDocument document) implements BuildDecision {
    }
}
