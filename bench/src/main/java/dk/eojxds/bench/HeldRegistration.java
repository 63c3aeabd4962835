package dk.eojxds.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Holds the registry adapter's registration sweep back, so that document building can be measured
 * on its own with the cores to itself, and lets it go again to measure registration on its own.
 * Only the benchmark does this: it cancels the sweep's schedule in the running registry adapter and
 * later runs the same sweep on a schedule of its own, at the configured interval.
 */
final class HeldRegistration implements AutoCloseable {

    private final ScheduledTask task;
    private final Duration interval;
    private ScheduledExecutorService released;

    private HeldRegistration(ScheduledTask task, Duration interval) {
        this.task = task;
        this.interval = interval;
    }

    static HeldRegistration hold(ApplicationContext registryAdapter) {
        List<ScheduledTask> sweeps = registryAdapter.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                // the task wraps the scheduled method (Spring 6.2) and names it in its description
                .filter(t -> t.getTask().toString().endsWith(".RegistrationJob.sweep"))
                .toList();
        if (sweeps.size() != 1) {
            throw new IllegalStateException("expected one registration sweep, found " + sweeps);
        }
        sweeps.get(0).cancel(false);
        Duration interval = Duration.parse(registryAdapter.getEnvironment().getRequiredProperty("eojxds.registry.poll-interval"));
        return new HeldRegistration(sweeps.get(0), interval);
    }

    void release() {
        released = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "registration-sweep");
            thread.setDaemon(true);
            return thread;
        });
        released.scheduleWithFixedDelay(task.getTask().getRunnable(), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (released != null) {
            released.shutdownNow();
        }
    }
}
