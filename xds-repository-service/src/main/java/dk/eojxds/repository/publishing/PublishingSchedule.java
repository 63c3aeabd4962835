package dk.eojxds.repository.publishing;

import dk.eojxds.handover.FixedDelayJobs;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The publishing gauges are worked out every {@code eojxds.publishing.metrics-refresh}. */
@Configuration(proxyBeanMethods = false)
class PublishingSchedule implements SchedulingConfigurer {

    private final PublishingMetrics metrics;
    private final PublishingProperties properties;

    PublishingSchedule(PublishingMetrics metrics, PublishingProperties properties) {
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        new FixedDelayJobs(tasks).every(properties.metricsRefresh(), Duration.ofSeconds(30), metrics, "refresh",
                metrics::refresh);
    }
}
