package dk.eojxds.devstack.sts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the test STS writes the credentials it makes at start, for the services of a local or
 * container stack to read (prefix {@code eojxds.test-sts}); empty: not written.
 *
 * @param caFile                      its CA certificate (PEM), what a repository trusts
 * @param organisationCertificateFile EOJ-XDS's own test organisation certificate (PEM)
 * @param organisationKeyFile         that certificate's private key (PKCS#8 PEM)
 */
@ConfigurationProperties("eojxds.test-sts")
record TestStsProperties(String caFile, String organisationCertificateFile, String organisationKeyFile) {
}
