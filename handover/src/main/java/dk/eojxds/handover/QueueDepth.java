package dk.eojxds.handover;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.LongSupplier;

/** A queue's depth as a gauge; NaN while it cannot be counted (a scrape never fails for it). */
public final class QueueDepth {

    private QueueDepth() {
    }

    public static void register(MeterRegistry meters, String name, Tags tags, LongSupplier count) {
        Gauge.builder(name, count, depth -> {
            try {
                return depth.getAsLong();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).tags(tags).register(meters);
    }
}
