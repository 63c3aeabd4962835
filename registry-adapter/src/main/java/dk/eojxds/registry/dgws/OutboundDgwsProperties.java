package dk.eojxds.registry.dgws;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * This system's ID card for calls to DDS (prefix {@code eojxds.registry.dgws}).
 *
 * @param enabled                  present a system ID card on ITI-42 and ITI-57 (the default; DDS
 *                                 accepts nothing without one); off only together with
 *                                 {@code insecureLocalDevelopment}
 * @param insecureLocalDevelopment the explicit switch that allows {@code enabled=false}
 * @param stsUrl                   the STS's WS-Trust endpoint
 * @param certificate              PEM file of the organisation's certificate (VOCES/FOCES)
 * @param privateKey               PEM file (PKCS#8) of its key
 * @param itSystem                 this IT system's name on the card
 * @param cvr                      the organisation's CVR number
 * @param organisationName         the organisation's name
 * @param renewBefore              how long before its expiry a card is renewed
 * @param timeout                  longest wait for the STS
 */
@Validated
@ConfigurationProperties("eojxds.registry.dgws")
public record OutboundDgwsProperties(@DefaultValue("true") boolean enabled,
                                     boolean insecureLocalDevelopment,
                                     String stsUrl,
                                     String certificate,
                                     String privateKey,
                                     @DefaultValue("EOJ-XDS") String itSystem,
                                     String cvr,
                                     String organisationName,
                                     @NotNull @DefaultValue("PT10M") Duration renewBefore,
                                     @NotNull @DefaultValue("PT10S") Duration timeout) {
}
