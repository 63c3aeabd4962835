package dk.eojxds.edge;

import dk.eojxds.model.DistinguishedNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Callers admitted by mutual TLS: the client certificate (already verified by the TLS handshake
 * against the server's trust store) must carry one of the configured subjects, compared as a set
 * of RDNs in canonical form so that the order in which a DN is written does not matter.
 */
final class CertificateCallers implements UserDetailsService {

    private final Map<Set<String>, List<AccessProperties.Role>> roles = new HashMap<>();

    CertificateCallers(List<AccessProperties.ClientCertificate> certificates) {
        certificates.forEach(c -> roles.put(DistinguishedNames.rdns(c.subject()),
                c.roles() == null ? List.of() : c.roles()));
    }

    boolean isEmpty() {
        return roles.isEmpty();
    }

    @Override
    public UserDetails loadUserByUsername(String subject) {
        List<AccessProperties.Role> granted = roles.get(DistinguishedNames.rdns(subject));
        if (granted == null) {
            throw new UsernameNotFoundException("no client certificate subject configured as " + subject);
        }
        return User.withUsername(subject).password("").authorities(granted.stream()
                .map(role -> Roles.role(role.name())).toList()).build();
    }
}
