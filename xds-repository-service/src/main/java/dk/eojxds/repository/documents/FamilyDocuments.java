package dk.eojxds.repository.documents;

import dk.eojxds.handover.SeriesKey;
import java.util.Optional;

/** How one family turns a change into its document's next state. */
public interface FamilyDocuments {

    public String family();

    /**
     * @param current the series' current document, if any
     * @return what to do: store a new document, leave it, or withdraw the current one
     */
    public BuildDecision decide(SeriesKey change, Optional<DocumentStore.CurrentDocument> current);

    /** The outcome of looking at a change. */
    public sealed interface BuildDecision permits Store, Unchanged, Withdraw, Restart {
    }

    /** A new document, replacing the current one if there is one. */
    public record Store(NewDocument document) implements BuildDecision {
    }

    /** Same data as the current document: nothing to publish. */
    public record Unchanged() implements BuildDecision {
    }

    /** Nothing left to show (withdrawn data, or a rule): the current document is deprecated. */
    public record Withdraw(String reason) implements BuildDecision {
    }

    /**
     * The current document showed what may not be shown (purged data): it is withdrawn, not
     * replaced, and a new series starts with {@code document} (null when nothing is left).
     */
    public record Restart(String reason, NewDocument document) implements BuildDecision {
    }
}
