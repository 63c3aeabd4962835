package dk.eojxds.repository.security;

import static dk.eojxds.dgws.DgwsNamespaces.HSUID;

import dk.eojxds.dgws.CallerIdentity;
import dk.eojxds.dgws.CardSignatureAlgorithms;
import dk.eojxds.dgws.DgwsRejection;
import dk.eojxds.dgws.DgwsVerifier;
import dk.eojxds.dgws.TrustedIssuers;
import dk.eojxds.model.LogSafe;
import dk.eojxds.repository.audit.AuditTrail;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * Who may retrieve: verifies the DGWS headers of an ITI-43 request and answers the caller's
 * identity, or refuses the request, recorded in the audit trail, with the reason. In mode
 * {@code none} every request passes as unverified.
 */
@Component
public class DgwsGate {


    private static final Logger log = LoggerFactory.getLogger(DgwsGate.class);

    private final DgwsVerifier verifier;
    private final AuditTrail audit;

    public DgwsGate(SecurityProperties properties, AuditTrail audit) {
        this.audit = audit;
        if (properties.mode() == SecurityProperties.Mode.DGWS) {
            CardSignatureAlgorithms algorithms = CardSignatureAlgorithms.of(properties.cardSignatureAlgorithms());
            this.verifier = new DgwsVerifier(TrustedIssuers.from(properties.stsCertificates(), properties.stsSubjects(),
                    properties.trustedCertificates(), properties.revocationCheck(), properties.crlFiles()),
                    properties.clockSkew(), properties.minimumLevel(), Clock.systemUTC(), algorithms);
            log.info("ITI-43 requires DGWS ID cards (level {} or higher, signed with {})", properties.minimumLevel(),
                    algorithms);
        } else if (properties.insecureLocalDevelopment()) {
            this.verifier = null;
            log.warn("SECURITY IS OFF: eojxds.security.mode=none lets anyone retrieve documents over ITI-43. "
                    + "Use this for local development only; production needs mode=dgws.");
        } else {
            throw new IllegalStateException("eojxds.security.mode=none lets anyone retrieve documents; it is allowed "
                    + "only together with eojxds.security.insecure-local-development=true (never in production)");
        }
    }

    /**
     * The caller of a request with these SOAP headers (each may be null).
     *
     * @throws DgwsRejection when the headers do not admit the caller; the refusal is already audited
     */
    public CallerIdentity admit(Element security, Element medcomHeader, Element hsuidHeader, String remoteAddress) {
        if (verifier == null) {
            return CallerIdentity.unverified();
        }
        try {
            return verifier.verify(security, medcomHeader, hsuid(hsuidHeader));
        } catch (DgwsRejection e) {
            log.warn("Refused an ITI-43 request: {}", LogSafe.text(e.getMessage()));
            audit.refused(e.getMessage(), remoteAddress);
            throw e;
        }
    }

    // The end user DDS acts for: its type and organisation, when the HSUID header is present. The
    // header is not signed: these are the verified caller's assertions (CallerIdentity.userSource).
    private static Map<String, String> hsuid(Element header) {
        Map<String, String> values = new HashMap<>();
        if (header == null) {
            return values;
        }
        var attributes = header.getElementsByTagNameNS("*", "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            String name = attribute.getAttribute("Name");
            String value = LogSafe.text(attribute.getTextContent().strip());
            if (name.endsWith("UserType")) {
                values.put("userType", value);
            } else if (name.endsWith("ActingUserOrganisationIdentifier") || name.endsWith("OrganisationIdentifier")) {
                values.putIfAbsent("organisation", value);
            }
        }
        return values;
    }
}
