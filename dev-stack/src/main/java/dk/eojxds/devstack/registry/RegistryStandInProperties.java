package dk.eojxds.devstack.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The registry stand-in (prefix {@code eojxds.registry-stand-in}).
 *
 * @param storeFile where registered entries are kept between restarts; empty keeps them in
 *                  memory only (tests). The local stack sets it next to its embedded database,
 *                  so that a restarted stack still knows the documents its database says it
 *                  registered.
 */
@ConfigurationProperties("eojxds.registry-stand-in")
public record RegistryStandInProperties(String storeFile) {
}
