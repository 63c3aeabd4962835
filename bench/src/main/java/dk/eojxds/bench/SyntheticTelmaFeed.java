package dk.eojxds.bench;

import dk.eojxds.model.HomeMeasurement;
import java.time.Instant;
import java.util.UUID;

/**
 * Synthetic home measurements generated from their index alone, so that a million of them cost
 * no memory: resource i is stamped {@code base + i ms} and belongs to one of 10,000 citizens.
 */
final class SyntheticTelmaFeed {

    private static final HomeMeasurement[] KINDS = {HomeMeasurement.PULSE, HomeMeasurement.OXYGEN_SATURATION,
            HomeMeasurement.WEIGHT, HomeMeasurement.SYSTOLIC_PRESSURE, HomeMeasurement.DIASTOLIC_PRESSURE};
    private static final String[] VALUES = {"72", "96", "81.4", "134", "86"};

    private final Instant base;
    private final int size;
    private final int days;

    SyntheticTelmaFeed(Instant base, int size) {
        this(base, size, 6);
    }

    /** @param days how many days the measurements spread over (10,000 citizens: at most 10,000 × days documents) */
    SyntheticTelmaFeed(Instant base, int size, int days) {
        this.base = base;
        this.size = size;
        this.days = days;
    }

    int size() {
        return size;
    }

    Instant lastUpdated(int i) {
        return base.plusMillis(i);
    }

    /** Index of the first resource stamped at or after {@code at}. */
    int firstAtOrAfter(Instant at) {
        long offset = at.toEpochMilli() - base.toEpochMilli();
        return (int) Math.max(0, Math.min(size, offset));
    }

    String json(int i) {
        HomeMeasurement kind = KINDS[i % KINDS.length];
        int citizen = i % 10_000;
        // valid, fictitious CPR numbers: day 01-28, month 01-12, years 40-79, serial 0000-3999 from the
        // index (a serial of 0-3 puts the birth in the 1900s: no birth date in the future)
        String cpr = String.format("%02d%02d%02d%04d", 1 + citizen % 28, 1 + (citizen / 28) % 12,
                40 + (citizen / 336) % 40, citizen % 4_000);
        int day = 1 + (i / 10_000) % days;
        return "{\"resourceType\":\"Observation\",\"id\":\"" + new UUID(0x5eed_0000_0000_0000L, i) + "\","
                + "\"meta\":{\"versionId\":\"1\",\"lastUpdated\":\"" + lastUpdated(i) + "\"},\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"urn:oid:1.2.208.176.2.1\",\"code\":\"" + kind.npuCode() + "\"}]},"
                + "\"subject\":{\"identifier\":{\"system\":\"urn:oid:1.2.208.176.1.2\",\"value\":\"" + cpr + "\"}},"
                + "\"effectiveDateTime\":\"2026-11-" + (10 + day) + "T07:" + String.format("%02d", i % 60) + ":00+01:00\","
                + "\"valueQuantity\":{\"value\":" + VALUES[i % VALUES.length] + ",\"unit\":\"" + kind.unit()
                + "\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + kind.unit() + "\"},"
                + "\"performer\":[{\"identifier\":{\"system\":\"urn:oid:1.2.208.176.1.1\",\"value\":\"130100001600"
                + (1 + citizen % 5) + "\"},\"display\":\"Kommune " + (1 + citizen % 5) + "\"}]}";
    }
}
