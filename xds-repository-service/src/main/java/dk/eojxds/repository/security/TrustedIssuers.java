package dk.eojxds.repository.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The certificates trusted to sign ID cards: a signer is trusted when its certificate is in the
 * trust store, or chains to one with PKIX (revocation is the national STS's concern here).
 */
final class TrustedIssuers {

    private final List<X509Certificate> trusted;
    // built once: checked on every ITI-43 request
    private final Set<TrustAnchor> anchors;

    TrustedIssuers(List<X509Certificate> trusted) {
        this.trusted = List.copyOf(trusted);
        this.anchors = trusted.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
    }

    static TrustedIssuers fromPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new IllegalStateException("no certificates in " + file);
            }
            return new TrustedIssuers(certificates);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read trusted certificates from " + file, e);
        }
    }

    void check(X509Certificate signer, Date at) {
        checkValidity(signer, at);
        if (trusted.contains(signer)) {
            return;
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
                    .generateCertPath(List.of(signer)), parameters);
        } catch (GeneralSecurityException e) {
            throw new DgwsRejection("the ID card is signed by an untrusted certificate ("
                    + signer.getSubjectX500Principal().getName() + ")");
        }
    }

    void checkValidity(X509Certificate signer, Date at) {
        try {
            signer.checkValidity(at);
        } catch (GeneralSecurityException e) {
            throw new DgwsRejection("the signing certificate is not valid now");
        }
    }
}
