package dk.eojxds.model;

import java.util.Set;
import java.util.stream.Collectors;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Certificate subjects compared as configured by people: the set of RDNs in canonical form, in
 * any order, so that "CN=a,O=b" (RFC 4514 order) and a certificate encoded CN first (printed
 * "O=b,CN=a") name the same holder. Used for the STS's subject (DGWS) and for client
 * certificates (mutual TLS).
 */
public final class DistinguishedNames {

    private DistinguishedNames() {
    }

    public static Set<String> rdns(String subject) {
        try {
            return rdns(new X500Principal(subject));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a distinguished name: " + subject, e);
        }
    }

    public static Set<String> rdns(X500Principal name) {
        try {
            return new LdapName(name.getName(X500Principal.CANONICAL)).getRdns().stream().map(Rdn::toString)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("not a distinguished name: " + name, e);
        }
    }
}
