package dk.eojxds.model;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the wait doubles per earlier failure, is capped, and is drawn
 * from the upper half of that, so that many clients do not hit a recovering peer at once.
 */
public final class Backoff {

    private Backoff() {
    }

    /** The wait after {@code failures} earlier failures (0 gives about {@code first}). */
    public static Duration jittered(Duration first, Duration max, int failures) {
        long base = first.toMillis() << Math.min(Math.max(failures, 0), 20);
        long capped = Math.min(base, max.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
