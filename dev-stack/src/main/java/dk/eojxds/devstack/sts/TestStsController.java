package dk.eojxds.devstack.sts;

import dk.eojxds.testsupport.sts.IdCardIssuer;
import dk.eojxds.testsupport.sts.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test STS for the local stack: a test CA made at start, and DGWS ID cards signed by an STS
 * certificate it issued. {@code GET /sts/ca.pem} is what xds-repository-service trusts in dgws
 * mode; {@code GET /sts/soap-headers} gives the SOAP headers (wsse:Security with a fresh card, and
 * medcom:Header) to paste into an ITI-43 request. Never for production.
 */
@RestController
public class TestStsController {

    /** The subject of the certificate the test STS signs ID cards with (what a repository pins). */
    public static final String SUBJECT = "CN=eoj-xds local test STS,O=eoj-xds dev-stack";

    private static final Logger log = LoggerFactory.getLogger(TestStsController.class);

    private final TestCertificates.Credential ca;
    private final IdCardIssuer issuer;

    TestStsController(@Value("${eojxds.test-sts.ca-file:}") String caFile) {
        this.ca = TestCertificates.certificateAuthority("CN=eoj-xds local test CA,O=eoj-xds dev-stack");
        this.issuer = new IdCardIssuer(TestCertificates.issuedBy(ca, SUBJECT));
        if (caFile != null && !caFile.isBlank()) {
            try {
                Path path = Path.of(caFile);
                Files.createDirectories(path.toAbsolutePath().getParent());
                Files.writeString(path, ca.certificatePem());
                log.info("Test STS CA certificate written to {}", path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @GetMapping(path = "/sts/ca.pem", produces = "application/x-pem-file")
    String caPem() {
        return ca.certificatePem();
    }

    @GetMapping(path = "/sts/soap-headers", produces = MediaType.APPLICATION_XML_VALUE)
    String soapHeaders(@RequestParam(defaultValue = "Sundhed.dk") String system,
                       @RequestParam(defaultValue = "33257872") String cvr,
                       @RequestParam(defaultValue = "Sundhed.dk") String organisation,
                       @RequestParam(defaultValue = "3") int level,
                       @RequestParam(required = false) String role,
                       @RequestParam(required = false) String userSor) {
        IdCardIssuer.Card card = IdCardIssuer.Card.system(system, cvr, organisation).level(level);
        return issuer.soapHeaders(role == null ? card : card.user(role, userSor));
    }
}
