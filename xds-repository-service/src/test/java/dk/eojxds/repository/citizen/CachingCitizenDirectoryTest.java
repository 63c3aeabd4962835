package dk.eojxds.repository.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.eojxds.model.Cpr;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingCitizenDirectoryTest {

    private static final List<Cpr> BATCH = List.of(Cpr.of("0101501234"), Cpr.of("0202601234"), Cpr.of("0303701234"));

    @Test
    void aBatchsCitizensAreAskedAboutTogetherAndThenAnsweredFromTheCache() {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch allAsking = new CountDownLatch(BATCH.size());
        CitizenDirectory slow = cpr -> {
            calls.incrementAndGet();
            allAsking.countDown();
            try {
                // only returns once every citizen of the batch is being asked about at the same time
                if (!allAsking.await(10, TimeUnit.SECONDS)) {
                    throw new CitizenLookupUnavailable("asked one at a time", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new CitizenDemographics(cpr, List.of("Karen"), "Ærøbo", null, false);
        };
        CachingCitizenDirectory directory = new CachingCitizenDirectory(slow, Duration.ofHours(1), 100,
                Duration.ofSeconds(30), Clock.systemUTC(), new SimpleMeterRegistry(), 4);
        directory.prefetch(BATCH);
        BATCH.forEach(directory::lookUp);
        assertThat(calls).hasValue(3);
        assertThat(directory.lastFailure()).isNull();
    }

    @Test
    void aFailedPrefetchLeavesTheFailureToTheDocumentsOwnLookup() {
        CitizenDirectory down = cpr -> {
            throw new CitizenLookupUnavailable("NSP answers 503", null);
        };
        CachingCitizenDirectory directory = new CachingCitizenDirectory(down, Duration.ofHours(1), 100,
                Duration.ofSeconds(30), Clock.systemUTC(), new SimpleMeterRegistry(), 4);
        directory.prefetch(BATCH);
        assertThatThrownBy(() -> directory.lookUp(BATCH.get(0))).isInstanceOf(CitizenLookupUnavailable.class);
    }
}
