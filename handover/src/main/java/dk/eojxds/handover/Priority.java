package dk.eojxds.handover;

/**
 * Which changes go first. Live changes (polled and pushed deltas) are built before backlog (a
 * reprocess, a finished initial load), so a backlog never pushes fresh data past its freshness
 * target. Held changes were raised by an initial load that is still running: they are built once
 * the load has finished (or after {@link ChangeQueue#HELD_AT_MOST}, should a load be abandoned),
 * so each document is built once, from complete data, and not again for every file line that
 * touches it. A series raised at several priorities takes the most urgent.
 */
public enum Priority {
    LIVE, BACKLOG, HELD;

    int rank() {
        return ordinal();
    }
}
