package dk.eojxds.testsupport.tokens;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A test identity provider: an RSA key made at start, and JWT access tokens signed with it for
 * the audience {@code eoj-xds} (what the services require), with roles (operators, metrics) or
 * scopes (the gateway's push). The services trust its public key through Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. Never for production.
 */
public final class TestTokenIssuer {

    public static final String ISSUER = "urn:eojxds:test-issuer";
    public static final String AUDIENCE = "eoj-xds";

    private final KeyPair keys;
    private final NimbusJwtEncoder encoder;

    public TestTokenIssuer() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID("test").build();
        encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
    }

    /** A token for {@code subject} with these roles (claim "roles") and scopes, valid for an hour. */
    public String token(String subject, List<String> roles, List<String> scopes) {
        return token(subject, roles, scopes, AUDIENCE, Instant.now(), Duration.ofHours(1));
    }

    public String token(String subject, List<String> roles, List<String> scopes, String audience, Instant issuedAt,
                        Duration validity) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(ISSUER).subject(subject).audience(List.of(audience))
                .issuedAt(issuedAt).expiresAt(issuedAt.plus(validity)).id(UUID.randomUUID().toString());
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        if (!scopes.isEmpty()) {
            claims.claim("scope", String.join(" ", scopes));
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId("test").build(),
                claims.build())).getTokenValue();
    }

    /** An operator's token. */
    public String operator(String subject) {
        return token(subject, List.of("eojxds-operator"), List.of());
    }

    /** The public key as PEM (SubjectPublicKeyInfo), as public-key-location reads it. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Writes the public key to a temporary file and answers its {@code file:} location. */
    public String publicKeyLocation() {
        try {
            Path file = Files.createTempFile("test-issuer", ".pem");
            Files.writeString(file, publicKeyPem());
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
