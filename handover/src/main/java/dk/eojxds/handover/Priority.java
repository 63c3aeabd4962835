package dk.eojxds.handover;

/**
 * Which changes go first. Live changes (polled and pushed deltas) are built before backlog (an
 * initial load or a reprocess), so a backlog never pushes fresh data past its freshness target.
 * A series raised both ways counts as live.
 */
public enum Priority {
    LIVE, BACKLOG;

    int rank() {
        return ordinal();
    }
}
