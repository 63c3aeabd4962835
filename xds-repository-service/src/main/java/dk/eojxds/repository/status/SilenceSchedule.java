package dk.eojxds.repository.status;

import dk.eojxds.handover.FixedDelayJobs;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Which municipalities have gone silent is worked out every {@code eojxds.status.silence-refresh}. */
@Configuration(proxyBeanMethods = false)
class SilenceSchedule implements SchedulingConfigurer {

    private final MunicipalitySilence silence;
    private final StatusProperties properties;

    SilenceSchedule(MunicipalitySilence silence, StatusProperties properties) {
        this.silence = silence;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        new FixedDelayJobs(tasks).every(properties.silenceRefresh(), Duration.ofSeconds(30), silence, "refresh",
                silence::refresh);
    }
}
