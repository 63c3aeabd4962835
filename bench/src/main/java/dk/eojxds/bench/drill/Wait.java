package dk.eojxds.bench.drill;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition, polling, with a deadline that fails the drill with what was awaited. */
final class Wait {

    private Wait() {
    }

    static void until(String what, Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!safely(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + atMost.toSeconds() + " s: " + what);
            }
            Thread.sleep(250);
        }
    }

    private static boolean safely(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
