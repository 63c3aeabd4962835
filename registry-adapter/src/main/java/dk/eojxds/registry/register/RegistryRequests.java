package dk.eojxds.registry.register;

import dk.eojxds.handover.Drain;
import dk.eojxds.handover.WorkerThreads;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The requests in flight to the registry: at most {@code parallel-requests} at once from this
 * instance, shared by registration and deprecation, so a burst of work never floods the registry.
 */
@Component
class RegistryRequests implements DisposableBean {

    private final ExecutorService threads;

    RegistryRequests(RegistryProperties properties) {
        this.threads = WorkerThreads.fixed("registry-request", properties.parallelRequests());
    }

    /**
     * Sends one request per item in parallel; each answers what to record, and the records are
     * made on the calling thread, each isolated in the batch's transaction (no database work
     * leaves the batch's thread).
     */
    <T> void sendAll(List<T> items, Function<T, Runnable> send, Drain.Items batch) {
        List<CompletableFuture<Runnable>> sent = items.stream()
                .map(item -> CompletableFuture.supplyAsync(() -> send.apply(item), threads)).toList();
        sent.forEach(answer -> batch.isolated(answer.join()));
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
