package dk.eojxds.devstack.gateway;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Synthetic home measurements (prefix {@code eojxds.simulator.telma}).
 *
 * @param citizens   how many synthetic citizens measure at home
 * @param seedDays   days of measurements published at start
 * @param interval   pause between two new measurements after that
 * @param randomSeed the same seed gives the same citizens and values
 */
@Validated
@ConfigurationProperties("eojxds.simulator.telma")
public record TelmaSimulatorProperties(
        boolean enabled,
        @Min(1) @Max(100_000) int citizens,
        @Min(0) @Max(7) int seedDays,
        @NotNull Duration interval,
        long randomSeed) {
}
