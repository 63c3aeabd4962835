package dk.eojxds.repository.statistics;

import dk.eojxds.handover.FixedDelayJobs;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The statistics rollup runs every {@code eojxds.statistics.rollup-interval}. */
@Configuration(proxyBeanMethods = false)
class RollupSchedule implements SchedulingConfigurer {

    private final UsageRollup rollup;
    private final StatisticsProperties properties;

    RollupSchedule(UsageRollup rollup, StatisticsProperties properties) {
        this.rollup = rollup;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        new FixedDelayJobs(tasks).every(properties.rollupInterval(), Duration.ofSeconds(10), rollup, "rollSettled",
                rollup::rollSettled);
    }
}
