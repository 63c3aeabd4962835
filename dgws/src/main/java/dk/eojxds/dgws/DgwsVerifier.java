package dk.eojxds.dgws;

import static dk.eojxds.dgws.DgwsNamespaces.MEDCOM;
import static dk.eojxds.dgws.DgwsNamespaces.SAML;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.dsig.XMLSignature;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Verifies a DGWS 1.0.1 header with the JDK's XML signature API: the ID card (a SAML 2.0
 * assertion) must be signed by a trusted certificate over the whole assertion, be inside its
 * validity window (with clock skew), carry security level {@code minimumLevel} or higher and the
 * attributes that identify the calling system and organisation; the {@code medcom:Header} must
 * be present with a matching level. Anything else is a {@link DgwsRejection} with the reason.
 */
public final class DgwsVerifier {

    public static final String DSIG = XMLSignature.XMLNS;

    private final TrustedIssuers issuers;
    private final Duration skew;
    private final int minimumLevel;
    private final Clock clock;
    private final CardSignatureAlgorithms algorithms;
    // cards whose signature and signer have been verified, by fingerprint (see CardFingerprint);
    // rejections are never cached, and the time-dependent checks run on every request
    private final Cache<String, VerifiedCard> verified = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(30)).build();

    /** A verifier that accepts cards signed as the national STS signs them ({@link CardSignatureAlgorithms#nationalSts()}). */
    public DgwsVerifier(TrustedIssuers issuers, Duration skew, int minimumLevel, Clock clock) {
        this(issuers, skew, minimumLevel, clock, CardSignatureAlgorithms.nationalSts());
    }

    public DgwsVerifier(TrustedIssuers issuers, Duration skew, int minimumLevel, Clock clock,
                        CardSignatureAlgorithms algorithms) {
        this.issuers = issuers;
        this.skew = skew;
        this.minimumLevel = minimumLevel;
        this.clock = clock;
        this.algorithms = algorithms;
    }

    /** What a card with a valid, trusted signature says. */
    private record VerifiedCard(Map<String, String> attributes, X509Certificate signer, Instant notBefore,
                                Instant notOnOrAfter) {
    }

    public CallerIdentity verify(Element security, Element medcomHeader, Map<String, String> hsuid) {
        if (security == null) {
            throw new DgwsRejection(DgwsFaultCode.missing_required_header, "no wsse:Security header");
        }
        Element assertion = onlyAssertion(security);
        VerifiedCard card = verified.get(CardFingerprint.of(assertion), key -> read(assertion));
        Instant now = clock.instant();
        issuers.checkValidity(card.signer(), Date.from(now));
        checkValidity(card, now);
        Map<String, String> attributes = card.attributes();
        int level = parseLevel(attributes.get("sosi:AuthenticationLevel"));
        if (level < minimumLevel) {
            throw new DgwsRejection(DgwsFaultCode.security_level_failed,
                    "security level " + level + " is below the required " + minimumLevel);
        }
        String system = attributes.get("medcom:ITSystemName");
        String organisation = attributes.get("medcom:CareProviderID");
        if (blank(system) || blank(organisation)) {
            throw new DgwsRejection(DgwsFaultCode.invalid_idcard,
                    "the ID card does not identify the calling system and organisation");
        }
        if (medcomHeader == null) {
            throw new DgwsRejection(DgwsFaultCode.missing_required_header, "no medcom:Header");
        }
        Element headerLevel = XmlElements.child(medcomHeader, MEDCOM, "SecurityLevel");
        if (headerLevel == null || parseLevel(headerLevel.getTextContent().trim()) < minimumLevel) {
            throw new DgwsRejection(DgwsFaultCode.security_level_failed,
                    "medcom:Header has no acceptable SecurityLevel");
        }
        String cardUserOrganisation = attributes.get("medcom:UserOrganisationSOR");
        String userOrganisation = blank(cardUserOrganisation) ? hsuid.get("organisation") : cardUserOrganisation;
        String userType = hsuid.get("userType");
        String userSource = userType != null || (blank(cardUserOrganisation) && userOrganisation != null) ? "HSUID"
                : attributes.containsKey("medcom:UserRole") || !blank(cardUserOrganisation) ? "ID_CARD" : null;
        return new CallerIdentity(true, system, organisation, attributes.get("medcom:CareProviderName"),
                attributes.get("sosi:IDCardType"), attributes.get("medcom:UserRole"), userOrganisation, userType,
                userSource, level, attributes.get("medcom:UserCivilRegistrationNumber"), userName(attributes),
                attributes.get("medcom:UserAuthorizationCode"));
    }

    private static String userName(Map<String, String> attributes) {
        String name = String.join(" ", java.util.stream.Stream.of(attributes.get("medcom:UserGivenName"),
                attributes.get("medcom:UserSurName")).filter(part -> !blank(part)).toList());
        return name.isEmpty() ? null : name;
    }

    // one ID card, a direct child of wsse:Security: a second one would leave open which was verified
    private static Element onlyAssertion(Element security) {
        List<Element> assertions = XmlElements.children(security, SAML, "Assertion");
        if (assertions.isEmpty()) {
            throw new DgwsRejection(DgwsFaultCode.missing_required_header,
                    "no ID card (saml:Assertion) in wsse:Security");
        }
        if (assertions.size() > 1) {
            throw new DgwsRejection(DgwsFaultCode.invalid_idcard, "more than one saml:Assertion in wsse:Security");
        }
        return assertions.get(0);
    }

    private VerifiedCard read(Element assertion) {
        X509Certificate signer = IdCardSignature.verify(assertion, algorithms);
        issuers.check(signer, Date.from(clock.instant()));
        Element conditions = XmlElements.child(assertion, SAML, "Conditions");
        if (conditions == null) {
            throw new DgwsRejection(DgwsFaultCode.invalid_idcard, "the ID card has no validity window");
        }
        try {
            return new VerifiedCard(Map.copyOf(attributes(assertion)), signer,
                    Instant.parse(conditions.getAttribute("NotBefore")),
                    Instant.parse(conditions.getAttribute("NotOnOrAfter")));
        } catch (DateTimeParseException e) {
            throw new DgwsRejection(DgwsFaultCode.invalid_idcard, "the ID card's validity window cannot be read");
        }
    }

    private void checkValidity(VerifiedCard card, Instant now) {
        if (now.plus(skew).isBefore(card.notBefore())) {
            throw new DgwsRejection(DgwsFaultCode.expired_idcard, "the ID card is not valid yet");
        }
        if (!now.minus(skew).isBefore(card.notOnOrAfter())) {
            throw new DgwsRejection(DgwsFaultCode.expired_idcard, "the ID card has expired");
        }
    }

    /** The attributes of a card whose signature has been verified ({@link IdCardSignature}), read as {@link #verify} reads them. */
    public static Map<String, String> signedAttributes(Element assertion) {
        return attributes(assertion);
    }

    /**
     * The card's attributes, read only where the signature vouches for them: the assertion's own
     * {@code saml:AttributeStatement} children (not anything nested deeper, such as a statement
     * hidden in the signature's {@code ds:Object}), one {@code saml:AttributeValue} of plain text
     * each, every name once.
     */
    private static Map<String, String> attributes(Element assertion) {
        Map<String, String> values = new HashMap<>();
        for (Node statement = assertion.getFirstChild(); statement != null; statement = statement.getNextSibling()) {
            if (!(statement instanceof Element s && SAML.equals(s.getNamespaceURI())
                    && "AttributeStatement".equals(s.getLocalName()))) {
                continue;
            }
            for (Node node = statement.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element attribute && SAML.equals(attribute.getNamespaceURI())
                        && "Attribute".equals(attribute.getLocalName())) {
                    String name = attribute.getAttribute("Name");
                    if (values.put(name, value(attribute)) != null) {
                        throw new DgwsRejection(DgwsFaultCode.invalid_idcard,
                                "the ID card carries attribute " + name + " more than once");
                    }
                }
            }
        }
        return values;
    }

    private static String value(Element attribute) {
        Element value = null;
        for (Node node = attribute.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e) {
                if (value != null || !SAML.equals(e.getNamespaceURI()) || !"AttributeValue".equals(e.getLocalName())) {
                    throw new DgwsRejection(DgwsFaultCode.invalid_idcard,
                            "an ID card attribute must have exactly one saml:AttributeValue");
                }
                value = e;
            }
        }
        if (value == null) {
            throw new DgwsRejection(DgwsFaultCode.invalid_idcard, "an ID card attribute has no saml:AttributeValue");
        }
        for (Node node = value.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() != Node.TEXT_NODE && node.getNodeType() != Node.CDATA_SECTION_NODE) {
                throw new DgwsRejection(DgwsFaultCode.invalid_idcard, "an ID card attribute value must be plain text");
            }
        }
        return value.getTextContent().strip();
    }

    private static int parseLevel(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new DgwsRejection(DgwsFaultCode.security_level_failed,
                    "the security level is missing or not a number");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
