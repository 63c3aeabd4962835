package dk.eojxds.ingest.store;

/**
 * What a commit stored: how many resources were new or newer than what was stored, and for each of
 * them its commit lag — seconds from its {@code meta.lastUpdated} to its being stored.
 */
public record Upserted(int stored, double[] lagSeconds) {

    static final Upserted NOTHING = new Upserted(0, new double[0]);

    Upserted plus(Upserted other) {
        double[] lags = java.util.Arrays.copyOf(lagSeconds, lagSeconds.length + other.lagSeconds.length);
        System.arraycopy(other.lagSeconds, 0, lags, lagSeconds.length, other.lagSeconds.length);
        return new Upserted(stored + other.stored, lags);
    }
}
