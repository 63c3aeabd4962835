package dk.eojxds.repository.citizen;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.eojxds.model.Cpr;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Answers from the CPR lookup, reused for {@code ttl} (a busy day asks about the same citizens
 * again and again), and a short memory of failure: after the lookup failed, callers are told it is
 * unavailable for {@code retryAfter} without another call, so a backlog waits quietly instead of
 * hammering a service that is down.
 */
final class CachingCitizenDirectory implements CitizenDirectory {

    private final CitizenDirectory lookup;
    private final Duration retryAfter;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Cache<Cpr, CitizenDemographics> cache;
    private volatile Instant unavailableUntil = Instant.MIN;
    private volatile String lastFailure;

    private final java.util.concurrent.ExecutorService parallel;

    CachingCitizenDirectory(CitizenDirectory lookup, Duration ttl, int maxSize, Duration retryAfter, Clock clock,
                            MeterRegistry meters, int parallelLookups) {
        this.parallel = dk.eojxds.handover.WorkerThreads.fixed("cpr-lookup", parallelLookups);
        this.lookup = lookup;
        this.retryAfter = retryAfter;
        this.clock = clock;
        this.meters = meters;
        this.cache = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    @Override
    public CitizenDemographics lookUp(Cpr cpr) {
        Instant now = clock.instant();
        CitizenDemographics cached = cache.getIfPresent(cpr);
        if (cached != null) {
            meters.counter("eojxds.repository.cpr.lookups", "outcome", "cached").increment();
            return cached;
        }
        if (now.isBefore(unavailableUntil)) {
            throw new CitizenLookupUnavailable("the CPR lookup failed recently (" + lastFailure + "); next try after "
                    + unavailableUntil, null);
        }
        try {
            CitizenDemographics answer = lookup.lookUp(cpr);
            meters.counter("eojxds.repository.cpr.lookups", "outcome", "answered").increment();
            lastFailure = null;
            cache.put(cpr, answer);
            return answer;
        } catch (CitizenLookupUnavailable e) {
            meters.counter("eojxds.repository.cpr.lookups", "outcome", "unavailable").increment();
            lastFailure = e.getMessage();
            unavailableUntil = now.plus(retryAfter);
            throw e;
        }
    }

    @Override
    public void prefetch(java.util.Collection<Cpr> citizens) {
        List<java.util.concurrent.Future<?>> asked = new java.util.ArrayList<>();
        for (Cpr cpr : citizens) {
            if (cache.getIfPresent(cpr) == null) {
                asked.add(parallel.submit(() -> lookUp(cpr)));
            }
        }
        for (java.util.concurrent.Future<?> answer : asked) {
            try {
                answer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                // the document's own lookup meets the failure and decides (wait, or unknown citizen)
            }
        }
    }

    /** Null while the lookup answers; otherwise why it did not, last time. */
    String lastFailure() {
        return lastFailure;
    }
}
