package dk.eojxds.repository.documents;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How transient build failures are tried again (prefix {@code eojxds.repository.build-retry}).
 *
 * @param first       the wait before the first retry; doubled with every further failure
 * @param max         the longest wait between two attempts
 * @param maxAttempts attempts in all before the failure is parked for an operator
 * @param interval    how often due retries are looked for
 */
@Validated
@ConfigurationProperties("eojxds.repository.build-retry")
public record BuildRetryProperties(@NotNull @DefaultValue("PT30S") Duration first,
                                   @NotNull @DefaultValue("PT30M") Duration max,
                                   @Min(1) @DefaultValue("10") int maxAttempts,
                                   @NotNull @DefaultValue("PT10S") Duration interval) {

    /** The wait after the {@code attempts}-th failure: first, 2 × first, 4 × first, ... at most max. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = first.multipliedBy(factor);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
