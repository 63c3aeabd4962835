package dk.eojxds.repository.documents;

import dk.eojxds.handover.FixedDelayJobs;
import dk.eojxds.repository.RepositoryProperties;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Building runs every {@code eojxds.repository.build-interval}; transient build failures are
 * looked at every {@code eojxds.repository.build-retry.interval}.
 */
@Configuration(proxyBeanMethods = false)
class BuildSchedule implements SchedulingConfigurer {

    private final DocumentBuildJob builds;
    private final BuildRetries retries;
    private final RepositoryProperties repository;
    private final BuildRetryProperties retry;

    BuildSchedule(DocumentBuildJob builds, BuildRetries retries, RepositoryProperties repository,
                  BuildRetryProperties retry) {
        this.builds = builds;
        this.retries = retries;
        this.repository = repository;
        this.retry = retry;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        new FixedDelayJobs(tasks)
                .every(repository.buildInterval(), Duration.ofSeconds(1), builds, "sweep", builds::sweep)
                .every(retry.interval(), Duration.ofSeconds(5), retries, "sweep", retries::sweep);
    }
}
