package dk.eojxds.devstack.gateway;

import dk.eojxds.model.fsiii.FsiiiScope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway simulator's synthetic data (prefix {@code eojxds.simulator}).
 *
 * @param citizens   how many synthetic citizens
 * @param seedDays   days of data published at start
 * @param interval   pause between two new deliveries after that
 * @param randomSeed the same seed gives the same citizens and values
 * @param fsiiiScope what the FSIII reports carry: {@code healthcare} (nursing only, the
 *                   municipality-healthcare-data profiles; the default) or {@code care}
 *                   (home care too, the care profiles)
 * @param withdrawEvery every so many deliveries, one citizen's day of measurements is withdrawn
 *                   (all entered-in-error) instead: its document is deprecated; 0 (the default) never
 */
@Validated
@ConfigurationProperties("eojxds.simulator")
public record SimulatorProperties(
        boolean enabled,
        @Min(1) @Max(100_000) int citizens,
        @Min(0) @Max(7) int seedDays,
        @NotNull Duration interval,
        long randomSeed,
        FsiiiScope fsiiiScope,
        @Min(0) int withdrawEvery) {

    public SimulatorProperties {
        fsiiiScope = fsiiiScope == null ? FsiiiScope.HEALTHCARE : fsiiiScope;
    }
}
