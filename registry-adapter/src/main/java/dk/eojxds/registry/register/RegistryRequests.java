package dk.eojxds.registry.register;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
        AtomicInteger counter = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(properties.parallelRequests(), task -> {
            Thread thread = new Thread(task, "registry-request-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    <T> CompletableFuture<T> send(Supplier<T> request) {
        return CompletableFuture.supplyAsync(request, threads);
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
