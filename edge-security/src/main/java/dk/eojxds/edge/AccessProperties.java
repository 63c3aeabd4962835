package dk.eojxds.edge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call a service's HTTP entry points (prefix {@code eojxds.access}). Callers prove who
 * they are with a JWT bearer token (the issuer is Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}: issuer-uri, jwk-set-uri or
 * public-key-location, and audiences) or with a client certificate (mutual TLS, see
 * {@code clientCertificates}). Without either configured, every protected call is refused.
 *
 * @param rolesClaim        the JWT claim that lists the caller's roles
 * @param principalClaim    the JWT claim that names the caller in logs and operator actions
 * @param operatorRole      the role value (in {@code rolesClaim}) of an operator
 * @param metricsRole       the role value of a metrics scraper (Prometheus)
 * @param pushScope         the OAuth2 scope the gateway's client-credentials token carries to push
 * @param clientCertificates certificate subjects admitted by mutual TLS, and their roles
 */
@Validated
@ConfigurationProperties("eojxds.access")
public record AccessProperties(@NotBlank @DefaultValue("roles") String rolesClaim,
                               @NotBlank @DefaultValue("sub") String principalClaim,
                               @NotBlank @DefaultValue("eojxds-operator") String operatorRole,
                               @NotBlank @DefaultValue("eojxds-metrics") String metricsRole,
                               @NotBlank @DefaultValue("eojxds-push") String pushScope,
                               @Valid List<ClientCertificate> clientCertificates) {

    public AccessProperties {
        clientCertificates = clientCertificates == null ? List.of() : List.copyOf(clientCertificates);
    }

    /**
     * A client certificate subject (RFC 4514, e.g. {@code CN=fkg-push,O=KL,C=DK}) and the roles it
     * gets: {@code OPERATOR}, {@code METRICS}, {@code PUSH}.
     */
    public record ClientCertificate(@NotBlank String subject, List<Role> roles) {
    }

    /** What a caller may do. */
    public enum Role { OPERATOR, METRICS, PUSH }
}
