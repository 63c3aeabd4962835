package dk.eojxds.ingest.polling;

import dk.eojxds.handover.WorkerThreads;
import dk.eojxds.ingest.feed.Feed;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Each feed is polled on a thread of its own, so a slow or hanging feed delays no other, and one
 * poll of a feed at a time on this instance: a full poll that comes while a tail poll runs waits
 * for it (the lease would refuse it otherwise, and it would come only one interval later); a full
 * poll still running is not queued behind (a hanging gateway would pile them up); a tail poll
 * starts only when nothing runs for its feed.
 */
final class FeedThreads implements AutoCloseable {

    private record Running(Future<?> future, boolean tail) {
    }

    private final Map<String, ExecutorService> threads = new ConcurrentHashMap<>();
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /** Starts a full poll of the feed, unless one is still running. */
    synchronized Optional<Future<?>> full(Feed feed, Runnable poll) {
        Running previous = running.get(feed.name());
        if (previous != null && !previous.future().isDone() && !previous.tail()) {
            return Optional.empty();
        }
        return Optional.of(start(feed, poll, false));
    }

    /** Starts a tail poll of the feed, when nothing runs for it. */
    synchronized Optional<Future<?>> tail(Feed feed, Runnable poll) {
        Running previous = running.get(feed.name());
        if (previous != null && !previous.future().isDone()) {
            return Optional.empty();
        }
        return Optional.of(start(feed, poll, true));
    }

    private Future<?> start(Feed feed, Runnable poll, boolean tail) {
        Future<?> future = threads.computeIfAbsent(feed.name(), name -> WorkerThreads.single("feed-poll-" + name))
                .submit(poll);
        running.put(feed.name(), new Running(future, tail));
        return future;
    }

    @Override
    public void close() {
        threads.values().forEach(ExecutorService::shutdownNow);
    }
}
