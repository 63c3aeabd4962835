package dk.eojxds.handover;

import java.time.Duration;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.util.ClassUtils;

/**
 * Registers the services' periodic jobs with intervals from their validated settings records
 * (not from property strings in {@code @Scheduled}). Each job is named as Spring names a scheduled
 * method ({@code <class>.<method>}), so a thread dump, a log line and the benchmarks that hold a
 * job back find it by that name.
 */
public final class FixedDelayJobs {

    private final ScheduledTaskRegistrar tasks;

    public FixedDelayJobs(ScheduledTaskRegistrar tasks) {
        this.tasks = tasks;
    }

    /** Runs {@code job} every {@code interval} after it ends, first after {@code initialDelay}. */
    public FixedDelayJobs every(Duration interval, Duration initialDelay, Object owner, String name, Runnable job) {
        String description = ClassUtils.getUserClass(owner).getName() + "." + name;
        tasks.addFixedDelayTask(new FixedDelayTask(new Runnable() {
            @Override
            public void run() {
                job.run();
            }

            @Override
            public String toString() {
                return description;
            }
        }, interval, initialDelay));
        return this;
    }
}
