package dk.eojxds.devstack.sts;

import dk.eojxds.testsupport.tokens.TestTokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test identity provider for the local stack: {@code GET /test-issuer/token} gives a JWT bearer
 * token (an operator's by default; {@code role} and {@code scope} choose others, such as
 * {@code scope=eojxds-push} for the gateway's push), which the services accept because the local
 * stack points their {@code public-key-location} at the file this writes. Never for production.
 */
@RestController
class TestIssuerController {

    private static final Logger log = LoggerFactory.getLogger(TestIssuerController.class);

    private final TestTokenIssuer issuer = new TestTokenIssuer();

    TestIssuerController(TestIssuerProperties properties) {
        String publicKeyFile = properties.publicKeyFile();
        if (publicKeyFile != null && !publicKeyFile.isBlank()) {
            try {
                Path path = Path.of(publicKeyFile);
                Files.createDirectories(path.toAbsolutePath().getParent());
                Files.writeString(path, issuer.publicKeyPem());
                log.info("Test issuer public key written to {}", path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @GetMapping(path = "/test-issuer/token", produces = MediaType.TEXT_PLAIN_VALUE)
    String token(@RequestParam(defaultValue = "local-operator") String subject,
                 @RequestParam(defaultValue = "eojxds-operator") List<String> role,
                 @RequestParam(required = false) List<String> scope) {
        return issuer.token(subject, role, scope == null ? List.of() : scope);
    }

    @GetMapping(path = "/test-issuer/public-key.pem", produces = "application/x-pem-file")
    String publicKey() {
        return issuer.publicKeyPem();
    }
}
