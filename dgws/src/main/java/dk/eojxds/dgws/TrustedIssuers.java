package dk.eojxds.dgws;

import dk.eojxds.model.DistinguishedNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * Who may sign ID cards: the national STS and nobody else. A certificate from a trusted CA is
 * not enough (the same CA issues TLS and employee certificates): the signer must be one of the
 * pinned STS certificates, or carry one of the configured STS subjects and chain (PKIX) to a
 * trusted CA. Either way it must be valid now and, when it states a key usage, be meant for
 * signatures. Revocation is checked when asked for, against the configured CRL files (the
 * machine has no way to fetch CRLs or ask an OCSP responder on its own).
 */
public final class TrustedIssuers {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    private final Set<X509Certificate> pinned;
    private final Set<Set<String>> subjects;
    // built once: checked on every ITI-43 request that is not a remembered card
    private final Set<TrustAnchor> anchors;
    private final List<CertStore> crls;
    private final boolean revocation;

    TrustedIssuers(List<X509Certificate> pinned, List<X500Principal> subjects, List<X509Certificate> anchors,
                   Collection<? extends CRL> crls, boolean revocation) {
        if (pinned.isEmpty() && (subjects.isEmpty() || anchors.isEmpty())) {
            throw new IllegalStateException("DGWS needs the STS pinned: eojxds.security.sts-certificates, or "
                    + "eojxds.security.sts-subjects together with eojxds.security.trusted-certificates");
        }
        if (revocation && anchors.isEmpty()) {
            throw new IllegalStateException("eojxds.security.revocation-check needs eojxds.security.trusted-certificates");
        }
        this.pinned = Set.copyOf(pinned);
        this.subjects = subjects.stream().map(DistinguishedNames::rdns).collect(Collectors.toUnmodifiableSet());
        this.anchors = anchors.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
        this.revocation = revocation;
        try {
            this.crls = List.of(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.copyOf(crls))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only these exact certificates may sign (tests, and a pinned national STS). */
    public static TrustedIssuers pinned(List<X509Certificate> certificates) {
        return new TrustedIssuers(certificates, List.of(), List.of(), List.of(), false);
    }

    /**
     * From configuration: PEM files of pinned STS certificates and of trusted CAs, the STS subjects
     * ({@code |}-separated), whether to check revocation, and CRL files (any may be empty).
     */
    public static TrustedIssuers from(String stsCertificates, String stsSubjects, String trustedCertificates,
                                      boolean revocationCheck, List<String> crlFiles) {
        List<X500Principal> subjects = new ArrayList<>();
        for (String subject : stsSubjects == null ? new String[0] : stsSubjects.split("\\|")) {
            if (!subject.isBlank()) {
                subjects.add(new X500Principal(subject.trim()));
            }
        }
        List<CRL> crls = new ArrayList<>();
        for (String file : crlFiles == null ? List.<String>of() : crlFiles) {
            crls.addAll(readCrls(Path.of(file)));
        }
        return new TrustedIssuers(certificates(stsCertificates), subjects, certificates(trustedCertificates), crls,
                revocationCheck);
    }

    /** The certificates in a PEM file (none for an empty name). */
    public static List<X509Certificate> certificates(String file) {
        if (file == null || file.isBlank()) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new IllegalStateException("no certificates in " + file);
            }
            return certificates;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read certificates from " + file, e);
        }
    }

    private static Collection<? extends CRL> readCrls(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCRLs(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read CRLs from " + file, e);
        }
    }

    void check(X509Certificate signer, Date at) {
        checkValidity(signer, at);
        boolean[] usage = signer.getKeyUsage();
        if (usage != null && !usage[DIGITAL_SIGNATURE] && !usage[NON_REPUDIATION]) {
            throw new DgwsRejection(DgwsFaultCode.invalid_certificate,
                    "the ID card's signing certificate is not meant for signatures (key usage)");
        }
        boolean isPinned = pinned.contains(signer);
        if (!isPinned && !subjects.contains(DistinguishedNames.rdns(signer.getSubjectX500Principal()))) {
            throw new DgwsRejection(DgwsFaultCode.invalid_certificate, "the ID card is not signed by the STS (signer "
                    + signer.getSubjectX500Principal().getName() + ")");
        }
        if (!isPinned || revocation) {
            validatePath(signer, at);
        }
    }

    private void validatePath(X509Certificate signer, Date at) {
        try {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setDate(at);
            parameters.setRevocationEnabled(revocation);
            if (revocation) {
                PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
                checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                        PKIXRevocationChecker.Option.NO_FALLBACK));
                parameters.addCertPathChecker(checker);
                parameters.setCertStores(crls);
            }
            validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(signer)), parameters);
        } catch (GeneralSecurityException e) {
            throw new DgwsRejection(DgwsFaultCode.invalid_certificate,
                    "the ID card's signing certificate is not trusted ("
                    + signer.getSubjectX500Principal().getName() + "): " + e.getMessage());
        }
    }

    void checkValidity(X509Certificate signer, Date at) {
        try {
            signer.checkValidity(at);
        } catch (GeneralSecurityException e) {
            throw new DgwsRejection(DgwsFaultCode.invalid_certificate, "the signing certificate is not valid now");
        }
    }
}
