package dk.eojxds.devstack.sts;

import dk.eojxds.dgws.DgwsVerifier;
import dk.eojxds.dgws.TrustedIssuers;
import dk.eojxds.testsupport.sts.IdCardIssuer;
import dk.eojxds.testsupport.sts.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The local stack's stand-in for the national STS and the certificates around it, made at start:
 * a test CA, the STS's signing certificate, and an organisation certificate (a VOCES stand-in)
 * for EOJ-XDS itself, with which registry-adapter asks for its system ID card. Files are written
 * where configured so the services can trust and use them. Never for production.
 */
@Component
public class TestSts {

    private static final Logger log = LoggerFactory.getLogger(TestSts.class);

    /** The subject of the certificate the test STS signs ID cards with (what a repository pins). */
    public static final String SUBJECT = "CN=eoj-xds local test STS,O=eoj-xds dev-stack";
    /** The subject of EOJ-XDS's own organisation certificate. */
    public static final String ORGANISATION_SUBJECT = "CN=EOJ-XDS test system,O=Sundhedsdatastyrelsen test,C=DK";

    private final TestCertificates.Credential ca;
    private final TestCertificates.Credential signer;
    private final TestCertificates.Credential organisation;
    private final IdCardIssuer issuer;

    TestSts(TestStsProperties files) {
        this.ca = TestCertificates.certificateAuthority("CN=eoj-xds local test CA,O=eoj-xds dev-stack");
        this.signer = TestCertificates.issuedBy(ca, SUBJECT);
        this.organisation = TestCertificates.issuedBy(ca, ORGANISATION_SUBJECT);
        this.issuer = new IdCardIssuer(signer);
        write(files.caFile(), ca.certificatePem(), "Test STS CA certificate");
        write(files.organisationCertificateFile(), organisation.certificatePem(), "Test organisation certificate");
        write(files.organisationKeyFile(), organisation.privateKeyPem(), "Test organisation key");
    }

    private static void write(String file, String content, String what) {
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Path path = Path.of(file);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, content);
            log.info("{} written to {}", what, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestCertificates.Credential ca() {
        return ca;
    }

    /** The certificate ID cards are signed with. */
    public TestCertificates.Credential signer() {
        return signer;
    }

    /**
     * A verifier that trusts exactly this STS's signature, as NSP's services trust the national STS
     * (5 minutes' skew, level 3): the gate of every stand-in that requires an ID card.
     */
    public DgwsVerifier verifier() {
        return new DgwsVerifier(TrustedIssuers.pinned(List.of(signer.certificate())), Duration.ofMinutes(5), 3,
                Clock.systemUTC());
    }

    public TestCertificates.Credential organisation() {
        return organisation;
    }

    IdCardIssuer issuer() {
        return issuer;
    }
}
