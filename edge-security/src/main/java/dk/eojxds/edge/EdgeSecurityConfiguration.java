package dk.eojxds.edge;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain for every HTTP entry point of a service except those with a gate of their own
 * (ITI-43 and DGWS): health and info for anyone (details only for operators, by
 * {@code management.endpoint.health.show-details=when-authorized} and
 * {@code management.endpoint.health.roles=OPERATOR}); Prometheus for metrics scrapers and
 * operators; every other actuator endpoint and the service's operator paths for operators; the
 * push paths for the gateway; everything else refused. Stateless (no session, no cookie, so no
 * CSRF token to carry), no CORS (no other origin may read an answer), refusals as problem details.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(AccessProperties.class)
public class EdgeSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdgeSecurityConfiguration.class);

    // also keeps Spring Boot from making an in-memory user with a generated password
    @Bean
    CertificateCallers certificateCallers(AccessProperties properties) {
        return new CertificateCallers(properties.clientCertificates());
    }

    @Bean
    SecurityFilterChain edgeSecurity(HttpSecurity http, EdgeAccess access, AccessProperties properties,
                                     ObjectProvider<JwtDecoder> jwtDecoder, CertificateCallers certificates)
            throws Exception {
        ProblemResponses problems = new ProblemResponses();
        List<String> ownGate = access.ownGatePaths();
        http.securityMatcher((HttpServletRequest request) -> !ownGate.contains(request.getServletPath()))
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.OPTIONS, "/**")).denyAll()
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.to("prometheus")).hasAnyRole(Roles.METRICS, Roles.OPERATOR)
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Roles.OPERATOR)
                        .requestMatchers(paths(access.pushPaths())).hasRole(Roles.PUSH)
                        .requestMatchers(paths(access.operatorPaths())).hasRole(Roles.OPERATOR)
                        .anyRequest().denyAll());
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer.authenticationEntryPoint(problems)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new Roles(properties))));
        }
        if (!certificates.isEmpty()) {
            http.x509(x509 -> x509.x509PrincipalExtractor(c -> c.getSubjectX500Principal().getName())
                    .userDetailsService(certificates));
        }
        if (decoder == null && certificates.isEmpty()) {
            log.warn("No JWT issuer (spring.security.oauth2.resourceserver.jwt.*) and no client certificates "
                    + "(eojxds.access.client-certificates) are configured: every operator and push call is refused");
        }
        return http.build();
    }

    private static RequestMatcher[] paths(List<String> patterns) {
        return patterns.stream().map(p -> PathPatternRequestMatcher.withDefaults().matcher(p))
                .toArray(RequestMatcher[]::new);
    }
}
