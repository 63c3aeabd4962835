package dk.eojxds.devstack.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registry stand-in (prefix {@code eojxds.registry-stand-in}).
 *
 * @param storeFile where registered entries are kept between restarts; empty keeps them in
 *                  memory only (tests). The local stack sets it next to its embedded database,
 *                  so that a restarted stack still knows the documents its database says it
 *                  registered.
 * @param requireDgws ITI-42 and ITI-57 need a system ID card from the test STS, as at DDS (default)
 */
@ConfigurationProperties("eojxds.registry-stand-in")
public record RegistryStandInProperties(String storeFile, @DefaultValue("true") boolean requireDgws) {
}
