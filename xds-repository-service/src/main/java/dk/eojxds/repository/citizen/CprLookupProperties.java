package dk.eojxds.repository.citizen;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The national CPR lookup on NSP (prefix {@code eojxds.cpr-lookup}).
 *
 * @param url                      the lookup's SOAP endpoint on NSP (e.g.
 *                                 {@code https://<nsp>/stamdata-cpr-ws/service/DetGodeCPROpslag-1.0.4}); required
 * @param version                  the version of "Det Gode CPR-opslag" at that endpoint, which names the
 *                                 service's namespace ({@code urn:oio:medcom:cprservice:<version>})
 * @param timeout                  longest wait for one answer
 * @param cacheTtl                 how long an answer is reused (names and addresses change rarely;
 *                                 a protection, when granted, shows after at most this long)
 * @param cacheSize                most citizens kept
 * @param retryAfter               after a failed call, how long documents wait before the lookup
 *                                 is tried again (no hammering a service that is down)
 * @param dgws                     the system ID card every NSP call carries
 * @param parallelLookups          calls in flight at most, when a batch's citizens are looked up together
 */
@Validated
@ConfigurationProperties("eojxds.cpr-lookup")
public record CprLookupProperties(String url,
                                  @NotNull @Pattern(regexp = "\\d+(\\.\\d+)*") @DefaultValue("1.0.4") String version,
                                  @NotNull @DefaultValue("PT5S") Duration timeout,
                                  @NotNull @DefaultValue("PT24H") Duration cacheTtl,
                                  @Positive @DefaultValue("200000") int cacheSize,
                                  @NotNull @DefaultValue("PT30S") Duration retryAfter,
                                  @NotNull @DefaultValue Dgws dgws,
                                  @Positive @DefaultValue("8") int parallelLookups) {

    /**
     * @param enabled                  send a system ID card (the default: NSP answers nothing without)
     * @param insecureLocalDevelopment the explicit switch that allows {@code enabled=false}
     */
    public record Dgws(@DefaultValue("true") boolean enabled, boolean insecureLocalDevelopment, String stsUrl,
                       String certificate, String privateKey, @DefaultValue("EOJ-XDS") String itSystem, String cvr,
                       String organisationName, @DefaultValue("PT10M") Duration renewBefore,
                       @DefaultValue("PT10S") Duration timeout) {
    }
}
