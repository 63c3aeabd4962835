package dk.eojxds.registry.register;

import dk.eojxds.handover.FixedDelayJobs;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Registration, deprecation and reconciliation run every {@code eojxds.registry.poll-interval}. */
@Configuration(proxyBeanMethods = false)
class RegistrySchedule implements SchedulingConfigurer {

    private final RegistrationJob registrations;
    private final DeprecationJob deprecations;
    private final RegistryReconciliation reconciliation;
    private final RegistryProperties properties;

    RegistrySchedule(RegistrationJob registrations, DeprecationJob deprecations, RegistryReconciliation reconciliation,
                     RegistryProperties properties) {
        this.registrations = registrations;
        this.deprecations = deprecations;
        this.reconciliation = reconciliation;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        Duration interval = properties.pollInterval();
        new FixedDelayJobs(tasks)
                .every(interval, Duration.ofSeconds(1), registrations, "sweep", registrations::sweep)
                .every(interval, Duration.ofSeconds(1), deprecations, "sweep", deprecations::sweep)
                // after the first sweeps: it looks for what they have not sent yet
                .every(interval, Duration.ofSeconds(5), reconciliation, "sweep", reconciliation::sweep);
    }
}
