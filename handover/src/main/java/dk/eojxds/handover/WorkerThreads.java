package dk.eojxds.handover;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixed pool of named daemon threads (they never keep a stopping service alive). */
public final class WorkerThreads {

    private WorkerThreads() {
    }

    public static ExecutorService fixed(String name, int threads) {
        AtomicInteger counter = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
