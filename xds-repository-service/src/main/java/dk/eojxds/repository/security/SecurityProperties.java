package dk.eojxds.repository.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call ITI-43 (prefix {@code eojxds.security}).
 *
 * @param mode                       {@code dgws} (the default) or {@code none}, which the service
 *                                   refuses unless {@code insecureLocalDevelopment} is set too
 * @param insecureLocalDevelopment   the explicit switch that allows mode {@code none}
 * @param stsCertificates            PEM file of the exact certificates the STS signs ID cards with (pinned)
 * @param stsSubjects                subject DNs of the STS signing certificate, separated by {@code |};
 *                                   accepted when the certificate chains to {@code trustedCertificates}
 * @param trustedCertificates        PEM file of the CA certificates an STS certificate of {@code stsSubjects}
 *                                   must chain to
 * @param revocationCheck            check the signer against {@code crlFiles} (PKIX, no fallback)
 * @param crlFiles                   DER or PEM CRL files of the CAs
 * @param clockSkew                  tolerance on the card's validity window
 * @param minimumLevel               lowest DGWS security level accepted
 * @param maxRequestBytes            largest ITI-43 request body read
 * @param cardSignatureAlgorithms    the signature algorithms an ID card may be signed with (short names,
 *                                   {@link dk.eojxds.dgws.CardSignatureAlgorithms}); the default is what
 *                                   the national STS signs with (RSA-SHA1) and the SHA-2 ones
 */
@Validated
@ConfigurationProperties("eojxds.security")
public record SecurityProperties(@NotNull @DefaultValue("DGWS") Mode mode,
                                 boolean insecureLocalDevelopment,
                                 String stsCertificates,
                                 String stsSubjects,
                                 String trustedCertificates,
                                 boolean revocationCheck,
                                 List<String> crlFiles,
                                 @NotNull @DefaultValue("PT5M") Duration clockSkew,
                                 @Min(3) @Max(5) @DefaultValue("3") int minimumLevel,
                                 @Min(1024) @DefaultValue("1048576") long maxRequestBytes,
                                 @DefaultValue({"rsa-sha1", "rsa-sha256", "rsa-sha384", "rsa-sha512", "ecdsa-sha256",
                                         "ecdsa-sha384", "ecdsa-sha512"}) List<String> cardSignatureAlgorithms) {

    public enum Mode { NONE, DGWS }
}
