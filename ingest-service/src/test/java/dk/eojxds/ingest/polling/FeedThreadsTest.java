package dk.eojxds.ingest.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.model.DataFamily;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One poll of a feed at a time: a full poll waits behind a tail, never behind a full poll; a tail never waits. */
class FeedThreadsTest {

    private final FeedThreads threads = new FeedThreads();
    private final Feed telma = new Feed("telma", DataFamily.TELMA, "Observation", null, 200);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        release.countDown();
        threads.close();
    }

    private Runnable blocking(String name) {
        return () -> {
            ran.add(name);
            started.countDown();
            await(release);
        };
    }

    @Test
    void aFullPollWaitsBehindARunningTailAndRunsAfterIt() throws Exception {
        assertThat(threads.tail(telma, blocking("tail"))).isPresent();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> full = threads.full(telma, () -> ran.add("full")).orElseThrow();
        assertThat(threads.tail(telma, () -> ran.add("second tail"))).as("nothing else while a poll is due").isEmpty();
        release.countDown();
        full.get(10, TimeUnit.SECONDS);
        assertThat(ran).containsExactly("tail", "full");
    }

    @Test
    void aFullPollStillRunningIsNotQueuedBehindAndNoTailStarts() throws Exception {
        Future<?> first = threads.full(telma, blocking("full")).orElseThrow();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(threads.full(telma, () -> ran.add("second full"))).isEmpty();
        assertThat(threads.tail(telma, () -> ran.add("tail"))).isEmpty();
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        Future<?> next = threads.full(telma, () -> ran.add("next full")).orElseThrow();
        next.get(10, TimeUnit.SECONDS);
        assertThat(ran).containsExactly("full", "next full");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
