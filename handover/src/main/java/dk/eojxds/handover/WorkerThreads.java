package dk.eojxds.handover;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The services' own threads, all named (a thread dump says what each is doing) and daemons (they
 * never keep a stopping service alive): every pool and background thread of the services comes
 * from here.
 */
public final class WorkerThreads {

    private WorkerThreads() {
    }

    /** A fixed pool whose threads are {@code name-1}, {@code name-2}, … */
    public static ExecutorService fixed(String name, int threads) {
        return Executors.newFixedThreadPool(threads, numbered(name));
    }

    /** One thread named {@code name}, tasks in order. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(named(name));
    }

    /** As many threads as tasks waiting, each {@code name}, idle ones ended after a minute. */
    public static ExecutorService cached(String name) {
        return Executors.newCachedThreadPool(named(name));
    }

    /** One thread named {@code name} for tasks run later or repeatedly. */
    public static ScheduledExecutorService scheduled(String name) {
        return Executors.newSingleThreadScheduledExecutor(named(name));
    }

    /** Starts {@code task} on a daemon thread of its own. */
    public static Thread start(String name, Runnable task) {
        Thread thread = named(name).newThread(task);
        thread.start();
        return thread;
    }

    static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static ThreadFactory numbered(String name) {
        AtomicInteger counter = new AtomicInteger();
        return task -> named(name + "-" + counter.incrementAndGet()).newThread(task);
    }
}
