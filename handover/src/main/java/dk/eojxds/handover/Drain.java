package dk.eojxds.handover;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one claim–process–complete loop of every consumer (document building, registration,
 * deprecation). Each worker thread takes a batch in one transaction: it claims up to
 * {@code batchSize} items (their rows locked, so no other worker or instance takes them), works
 * them, and commits. Each item runs in a savepoint of its own: a failing item is rolled back alone
 * and handed to the failure handler, and its batch neighbours go through. A halting failure (a
 * dependency that is down for everyone) keeps what the batch finished, leaves the rest pending and
 * stops the drain until the next round. A crash releases every lock: nothing is lost.
 */
public final class Drain implements AutoCloseable {

    /** Claims up to {@code max} items in the current transaction. */
    @FunctionalInterface
    public interface Claim<T> {
        List<T> next(int max);
    }

    /** Works a claimed batch; {@code items} runs each item isolated (see {@link Items#each}). */
    @FunctionalInterface
    public interface BatchWork<T> {
        void work(List<T> batch, Items items);
    }

    /** Works one item, in its savepoint. */
    @FunctionalInterface
    public interface ItemWork<T> {
        void work(T item);
    }

    /** Records a failed item (in the batch's transaction, after the item's own work was rolled back). */
    @FunctionalInterface
    public interface Failure<T> {
        void failed(T item, RuntimeException cause);
    }

    /** Thrown out of {@link #run} when a halting failure stopped the drain; the batch's finished items are kept. */
    public static final class Halted extends RuntimeException {
        Halted(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final TransactionTemplate batchTransactions;
    private final TransactionTemplate itemSavepoints;
    private final int batchSize;
    private final int workers;
    private final Predicate<RuntimeException> halts;
    private final ExecutorService threads;

    /**
     * @param workers threads draining in parallel (each with its own batch and database connection)
     * @param halts   failures that stop the drain rather than fail an item
     */
    public Drain(String name, PlatformTransactionManager transactions, int batchSize, int workers,
                 Predicate<RuntimeException> halts) {
        if (batchSize < 1 || workers < 1) {
            throw new IllegalArgumentException("batch size and workers must be at least 1");
        }
        this.batchTransactions = new TransactionTemplate(transactions);
        this.itemSavepoints = new TransactionTemplate(transactions);
        this.itemSavepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.batchSize = batchSize;
        this.workers = workers;
        this.halts = halts;
        this.threads = WorkerThreads.fixed(name, workers);
    }

    /**
     * Runs a scheduled sweep of a queue (a drain) so that it never throws into the scheduler: a
     * failure is logged at ERROR with {@code failure} and leaves the work queued for the next sweep;
     * a stop while draining (the service shutting down) is no error, since nothing claimed is lost.
     */
    public static void guarded(org.slf4j.Logger log, String failure, Runnable sweep) {
        try {
            sweep.run();
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                log.info("Stopped while draining (shutting down); nothing claimed is lost: {}", e.getMessage());
            } else {
                log.error(failure, e);
            }
        }
    }

    /**
     * Drains until the queue has nothing claimable (every worker's last batch came back short), or
     * a halting failure. Answers how many items were claimed.
     *
     * @throws Halted when a halting failure stopped it
     */
    public <T> int run(Claim<T> claim, BatchWork<T> work) {
        AtomicBoolean halted = new AtomicBoolean();
        AtomicInteger claimed = new AtomicInteger();
        List<Future<RuntimeException>> running = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            running.add(threads.submit(() -> drainOnThisThread(claim, work, halted, claimed)));
        }
        RuntimeException first = null;
        for (Future<RuntimeException> future : running) {
            RuntimeException failure = join(future);
            first = first == null ? failure : first;
        }
        if (first != null) {
            throw first;
        }
        return claimed.get();
    }

    /** Convenience: each item worked in its own savepoint, failures recorded by {@code failure}. */
    public <T> int run(Claim<T> claim, ItemWork<T> work, Failure<T> failure) {
        return run(claim, (batch, items) -> items.each(batch, work, failure));
    }

    private <T> RuntimeException drainOnThisThread(Claim<T> claim, BatchWork<T> work, AtomicBoolean halted,
                                                   AtomicInteger claimed) {
        try {
            while (!halted.get()) {
                Items items = new Items(halted);
                Integer taken = batchTransactions.execute(tx -> {
                    List<T> batch = claim.next(batchSize);
                    if (!batch.isEmpty()) {
                        work.work(batch, items);
                    }
                    return batch.size();
                });
                claimed.addAndGet(taken == null ? 0 : taken);
                if (items.halt() != null) {
                    return new Halted(items.halt());
                }
                if (taken == null || taken < batchSize) {
                    return null;
                }
            }
            return null;
        } catch (RuntimeException e) {
            // the batch rolled back whole: its items stay pending
            halted.set(true);
            return halts.test(e) ? new Halted(e) : e;
        }
    }

    private static RuntimeException join(Future<RuntimeException> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted while draining", e);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Runs items of a batch one by one, each in a savepoint. */
    public final class Items {

        private final AtomicBoolean halted;
        private RuntimeException halt;

        private Items(AtomicBoolean halted) {
            this.halted = halted;
        }

        /**
         * Works each item in a savepoint; a failed item is rolled back and recorded by
         * {@code failure}. A halting failure stops the batch: finished items are kept (the batch
         * commits), the rest stay pending, and {@link #run} throws {@link Halted}.
         */
        public <T> void each(List<T> batch, ItemWork<T> work, Failure<T> failure) {
            for (T item : batch) {
                try {
                    isolated(() -> work.work(item));
                } catch (RuntimeException e) {
                    if (halts.test(e)) {
                        halt = e;
                        halted.set(true);
                        break;
                    }
                    isolated(() -> failure.failed(item, e));
                }
            }
        }

        /** Runs a piece of the batch's work in a savepoint: on failure only it is rolled back. */
        public void isolated(Runnable work) {
            itemSavepoints.executeWithoutResult(savepoint -> work.run());
        }

        RuntimeException halt() {
            return halt;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
