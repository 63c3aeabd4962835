package dk.eojxds.handover;

/**
 * A pending change of a series, claimed: its row stays locked until the claiming transaction ends,
 * so no other instance takes it, and a crash simply releases it.
 *
 * @param revision raised on every change: completing an older revision leaves a newer one pending
 */
public record Change(SeriesKey series, long revision, Priority priority) {
}
