package dk.eojxds.ingest.polling;

import dk.eojxds.handover.FixedDelayJobs;
import dk.eojxds.ingest.feed.GatewayProperties;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * When the polls run, from the validated settings ({@link GatewayProperties}) rather than from
 * property strings: full polls every {@code poll-interval}, tail polls every {@code tail-interval},
 * the reconciliation sweep every {@code reconcile-interval} (first after one interval).
 */
@Configuration(proxyBeanMethods = false)
class PollSchedule implements SchedulingConfigurer {

    private static final Duration FIRST = Duration.ofSeconds(1);

    private final DeltaPoller poller;
    private final ReconciliationSweep sweep;
    private final GatewayProperties properties;

    PollSchedule(DeltaPoller poller, ReconciliationSweep sweep, GatewayProperties properties) {
        this.poller = poller;
        this.sweep = sweep;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        new FixedDelayJobs(tasks)
                .every(properties.pollInterval(), FIRST, poller, "scheduledPoll", poller::scheduledPoll)
                .every(properties.tailInterval(), FIRST, poller, "scheduledTail", poller::scheduledTail)
                .every(properties.reconcileInterval(), properties.reconcileInterval(), sweep, "scheduledSweep",
                        sweep::scheduledSweep);
    }
}
