package dk.eojxds.repository;

import dk.eojxds.testsupport.sts.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Runs a test's service in the production default, DGWS on, trusting a test STS: its CA's
 * certificate as the trusted certificate and its signing subject pinned. Tests that never call
 * ITI-43 pin one all the same, so that no test needs the insecure switch to start the service.
 */
public final class PinnedSts {

    public static final String SUBJECT = "CN=TEST-NSP-STS,O=eoj-xds test";

    private PinnedSts() {
    }

    /** Trusts {@code ca}'s certificates with the subject {@link #SUBJECT}. */
    public static void pin(DynamicPropertyRegistry registry, TestCertificates.Credential ca) {
        try {
            Path pem = Files.createTempFile("trusted-sts", ".pem");
            Files.writeString(pem, ca.certificatePem());
            registry.add("eojxds.security.trusted-certificates", pem::toString);
            registry.add("eojxds.security.sts-subjects", () -> SUBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trusts a CA made for the test alone (for tests that send no ID card). */
    public static void pinAny(DynamicPropertyRegistry registry) {
        pin(registry, TestCertificates.certificateAuthority("CN=Test NSP CA,O=eoj-xds test"));
    }
}
