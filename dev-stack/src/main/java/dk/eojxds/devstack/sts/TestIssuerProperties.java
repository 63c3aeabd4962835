package dk.eojxds.devstack.sts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The test token issuer (prefix {@code eojxds.test-issuer}).
 *
 * @param publicKeyFile where its public key (PEM) is written at start, for the services to verify
 *                      its JWTs with; empty: not written
 */
@ConfigurationProperties("eojxds.test-issuer")
record TestIssuerProperties(String publicKeyFile) {
}
