package dk.eojxds.testsupport.sts;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A test CA and the certificates it signs: never for production. */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private TestCertificates() {
    }

    /** A key pair and its certificate. */
    public record Credential(PrivateKey key, X509Certificate certificate) {

        /** The private key as PKCS#8 PEM, as Spring Boot's PEM SSL bundles read it. */
        public String privateKeyPem() {
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        }

        public String certificatePem() {
            try {
                return "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static Credential certificateAuthority(String name) {
        KeyPair keys = keyPair();
        return new Credential(keys.getPrivate(), sign(name, keys, new X500Name(name), keys.getPrivate(), true));
    }

    public static Credential issuedBy(Credential issuer, String name) {
        KeyPair keys = keyPair();
        // the issuer's name exactly as encoded in its certificate, or chains will not match
        return new Credential(keys.getPrivate(), sign(name, keys,
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), issuer.key(), false));
    }

    /** A certificate whose key usage is only {@code keyUsage} (BouncyCastle's KeyUsage bits). */
    public static Credential issuedBy(Credential issuer, String name, int keyUsage) {
        KeyPair keys = keyPair();
        return new Credential(keys.getPrivate(), sign(name, keys,
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), issuer.key(), false,
                null, keyUsage));
    }

    /** A certificate for an RSA key of only {@code bits} bits: for tests of what a verifier must refuse. */
    public static Credential issuedWithKeySize(Credential issuer, String name, int bits) {
        KeyPair keys = keyPair(bits);
        return new Credential(keys.getPrivate(), sign(name, keys,
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), issuer.key(), false));
    }

    /** A CRL of {@code issuer}, valid for a day, revoking these certificates; PEM encoded. */
    public static String crlPem(Credential issuer, X509Certificate... revoked) {
        try {
            Instant now = Instant.now();
            var builder = new org.bouncycastle.cert.X509v2CRLBuilder(
                    X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(now.minus(Duration.ofHours(1))));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
            for (X509Certificate certificate : revoked) {
                builder.addCRLEntry(certificate.getSerialNumber(), Date.from(now.minus(Duration.ofMinutes(30))),
                        org.bouncycastle.asn1.x509.CRLReason.keyCompromise);
            }
            byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.key())).getEncoded();
            return "-----BEGIN X509 CRL-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END X509 CRL-----\n";
        } catch (Exception e) {
            throw new IllegalStateException("could not make a test CRL", e);
        }
    }

    /** A TLS server certificate for {@code host} (subject alternative name), signed by the issuer. */
    public static Credential tlsServer(Credential issuer, String host) {
        KeyPair keys = keyPair();
        return new Credential(keys.getPrivate(), sign("CN=" + host, keys,
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), issuer.key(), false,
                host));
    }

    private static KeyPair keyPair() {
        return keyPair(2048);
    }

    private static KeyPair keyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(String subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
                                        boolean ca) {
        return sign(subject, subjectKeys, issuer, issuerKey, ca, null);
    }

    private static X509Certificate sign(String subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
                                        boolean ca, String dnsName) {
        return sign(subject, subjectKeys, issuer, issuerKey, ca, dnsName,
                ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature | KeyUsage.keyEncipherment);
    }

    private static X509Certificate sign(String subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
                                        boolean ca, String dnsName, int keyUsage) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), new X500Name(subject), subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            if (dnsName != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new org.bouncycastle.asn1.x509.ExtendedKeyUsage(
                        org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_serverAuth));
                builder.addExtension(Extension.subjectAlternativeName, false, new org.bouncycastle.asn1.x509.GeneralNames(
                        new org.bouncycastle.asn1.x509.GeneralName(org.bouncycastle.asn1.x509.GeneralName.dNSName, dnsName)));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("could not make a test certificate", e);
        }
    }
}
