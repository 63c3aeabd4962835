package dk.eojxds.repository.citizen;

import dk.eojxds.model.Cpr;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers from the CPR lookup, reused for {@code ttl} (a busy day asks about the same citizens
 * again and again), and a short memory of failure: after the lookup failed, callers are told it is
 * unavailable for {@code retryAfter} without another call, so a backlog waits quietly instead of
 * hammering a service that is down.
 */
final class CachingCitizenDirectory implements CitizenDirectory {

    private final CitizenDirectory lookup;
    private final Duration ttl;
    private final Duration retryAfter;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<Cpr, Entry> cache;
    private volatile Instant unavailableUntil = Instant.MIN;
    private volatile String lastFailure;

    private record Entry(CitizenDemographics demographics, Instant expires) {
    }

    CachingCitizenDirectory(CitizenDirectory lookup, Duration ttl, int maxSize, Duration retryAfter, Clock clock,
                            MeterRegistry meters) {
        this.lookup = lookup;
        this.ttl = ttl;
        this.retryAfter = retryAfter;
        this.clock = clock;
        this.meters = meters;
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Cpr, Entry> eldest) {
                return size() > maxSize;
            }
        };
    }

    @Override
    public CitizenDemographics lookUp(Cpr cpr) {
        Instant now = clock.instant();
        synchronized (cache) {
            Entry entry = cache.get(cpr);
            if (entry != null && now.isBefore(entry.expires())) {
                meters.counter("eojxds.repository.cpr.lookups", "outcome", "cached").increment();
                return entry.demographics();
            }
        }
        if (now.isBefore(unavailableUntil)) {
            throw new CitizenLookupUnavailable("the CPR lookup failed recently (" + lastFailure + "); next try after "
                    + unavailableUntil, null);
        }
        try {
            CitizenDemographics answer = lookup.lookUp(cpr);
            meters.counter("eojxds.repository.cpr.lookups", "outcome", "answered").increment();
            lastFailure = null;
            synchronized (cache) {
                cache.put(cpr, new Entry(answer, now.plus(ttl)));
            }
            return answer;
        } catch (CitizenLookupUnavailable e) {
            meters.counter("eojxds.repository.cpr.lookups", "outcome", "unavailable").increment();
            lastFailure = e.getMessage();
            unavailableUntil = now.plus(retryAfter);
            throw e;
        }
    }

    /** Null while the lookup answers; otherwise why it did not, last time. */
    String lastFailure() {
        return lastFailure;
    }
}
