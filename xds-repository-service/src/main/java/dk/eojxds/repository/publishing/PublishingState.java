package dk.eojxds.repository.publishing;

import java.util.Set;

/**
 * Whether a municipality's documents of one family go to the registry (repository V17). A
 * municipality nobody has decided about is {@link #PENDING}: a fresh installation publishes nothing.
 */
public enum PublishingState {
    /** Documents are built; nothing is registered. */
    PENDING,
    /** Documents are registered as they are built. */
    LIVE,
    /** Nothing new is registered; what the registry shows stays. Changes are still built. */
    PAUSED,
    /** Everything the registry shows of it is deprecated (ITI-57); nothing new is registered. */
    WITHDRAWN;

    /**
     * The changes an operator may make. Nothing goes back to pending (pause instead); a withdrawn
     * municipality comes back only by going live (its documents then start new series at the
     * registry, which cannot replace a deprecated document).
     */
    public boolean canBecome(PublishingState next) {
        Set<PublishingState> allowed = switch (this) {
            case PENDING -> Set.of(LIVE);
            case LIVE -> Set.of(PAUSED, WITHDRAWN);
            case PAUSED -> Set.of(LIVE, WITHDRAWN);
            case WITHDRAWN -> Set.of(LIVE);
        };
        return allowed.contains(next);
    }
}
