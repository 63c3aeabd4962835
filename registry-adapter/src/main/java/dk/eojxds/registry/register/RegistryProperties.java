package dk.eojxds.registry.register;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how to register (prefix {@code eojxds.registry}).
 *
 * @param iti42Url   the registry's Register Document Set-b endpoint
 * @param iti57Url   the registry's Update Document Set endpoint (deprecations)
 * @param sourceId   OID of this document source (SubmissionSet.sourceId)
 * @param firstRetry wait after the first transient failure; doubled per attempt up to maxRetry
 * @param connectTimeout  longest wait to connect to the registry
 * @param receiveTimeout  longest wait for the registry's answer (a hanging registry must not hold
 *                        a registration worker for ever; the item is retried)
 * @param workers          threads draining the outboxes, each with its own batch and connection
 * @param parallelRequests requests in flight to the registry at most, per service instance
 * @param iti18Url   the registry's Registry Stored Query endpoint, used only when the registry knows
 *                   more than our database (after a restore: a replacement whose target it already
 *                   saw replaced, a withdrawal of a version it already replaced); blank: such items
 *                   are parked for an operator instead (docs/operations.md, "Restore")
 */
@Validated
@ConfigurationProperties("eojxds.registry")
public record RegistryProperties(
        @NotBlank @Pattern(regexp = "https?://.+") String iti42Url,
        @NotBlank @Pattern(regexp = "https?://.+") String iti57Url,
        @NotBlank @Pattern(regexp = "[0-2](\\.(0|[1-9]\\d*))+") String sourceId,
        @NotNull Duration pollInterval,
        @Min(1) int batchSize,
        @NotNull Duration firstRetry,
        @NotNull Duration maxRetry,
        @NotNull @DefaultValue("PT5S") Duration connectTimeout,
        @NotNull @DefaultValue("PT60S") Duration receiveTimeout,
        @Min(1) @DefaultValue("2") int workers,
        @Min(1) @DefaultValue("4") int parallelRequests,
        @Pattern(regexp = "(https?://.+)?") String iti18Url) {

    /** Whether the registry can be asked what it knows (ITI-18). */
    public boolean canQuery() {
        return iti18Url != null && !iti18Url.isBlank();
    }
}
