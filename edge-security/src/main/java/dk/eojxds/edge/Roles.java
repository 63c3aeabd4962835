package dk.eojxds.edge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * What a caller may do, from its JWT: {@code ROLE_OPERATOR} and {@code ROLE_METRICS} from the
 * configured role values in the roles claim (a list, or a space-separated string), {@code ROLE_PUSH}
 * from the push scope in {@code scope}/{@code scp}. Nothing else in a token grants anything.
 */
final class Roles implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String OPERATOR = "OPERATOR";
    static final String METRICS = "METRICS";
    static final String PUSH = "PUSH";

    private final AccessProperties properties;

    Roles(AccessProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<String> roles = values(jwt.getClaim(properties.rolesClaim()));
        List<String> scopes = new ArrayList<>(values(jwt.getClaim("scope")));
        scopes.addAll(values(jwt.getClaim("scp")));
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (roles.contains(properties.operatorRole())) {
            authorities.add(role(OPERATOR));
        }
        if (roles.contains(properties.metricsRole())) {
            authorities.add(role(METRICS));
        }
        if (scopes.contains(properties.pushScope())) {
            authorities.add(role(PUSH));
        }
        String name = jwt.getClaimAsString(properties.principalClaim());
        return new JwtAuthenticationToken(jwt, authorities, name == null ? jwt.getSubject() : name);
    }

    static GrantedAuthority role(String role) {
        return new SimpleGrantedAuthority("ROLE_" + role);
    }

    private static List<String> values(Object claim) {
        if (claim instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        if (claim instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
