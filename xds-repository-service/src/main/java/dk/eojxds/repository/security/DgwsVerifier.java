package dk.eojxds.repository.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies a DGWS 1.0.1 header with the JDK's XML signature API: the ID card (a SAML 2.0
 * assertion) must be signed by a trusted certificate over the whole assertion, be inside its
 * validity window (with clock skew), carry security level {@code minimumLevel} or higher and the
 * attributes that identify the calling system and organisation; the {@code medcom:Header} must
 * be present with a matching level. Anything else is a {@link DgwsRejection} with the reason.
 */
final class DgwsVerifier {

    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String DSIG = XMLSignature.XMLNS;
    static final String MEDCOM = "http://www.medcom.dk/dgws/2006/04/dgws-1.0.xsd";

    private final TrustedIssuers issuers;
    private final Duration skew;
    private final int minimumLevel;
    private final Clock clock;
    // cards whose signature and signer have been verified, by fingerprint (see CardFingerprint);
    // rejections are never cached, and the time-dependent checks run on every request
    private final Cache<String, VerifiedCard> verified = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(30)).build();

    DgwsVerifier(TrustedIssuers issuers, Duration skew, int minimumLevel, Clock clock) {
        this.issuers = issuers;
        this.skew = skew;
        this.minimumLevel = minimumLevel;
        this.clock = clock;
    }

    /** What a card with a valid, trusted signature says. */
    private record VerifiedCard(Map<String, String> attributes, X509Certificate signer, Instant notBefore,
                                Instant notOnOrAfter) {
    }

    CallerIdentity verify(Element security, Element medcomHeader, Map<String, String> hsuid) {
        if (security == null) {
            throw new DgwsRejection("no wsse:Security header");
        }
        Element assertion = XmlElements.child(security, SAML, "Assertion");
        if (assertion == null) {
            throw new DgwsRejection("no ID card (saml:Assertion) in wsse:Security");
        }
        VerifiedCard card = verified.get(CardFingerprint.of(assertion), key -> read(assertion));
        Instant now = clock.instant();
        issuers.checkValidity(card.signer(), Date.from(now));
        checkValidity(card, now);
        Map<String, String> attributes = card.attributes();
        int level = parseLevel(attributes.get("sosi:AuthenticationLevel"));
        if (level < minimumLevel) {
            throw new DgwsRejection("security level " + level + " is below the required " + minimumLevel);
        }
        String system = attributes.get("medcom:ITSystemName");
        String organisation = attributes.get("medcom:CareProviderID");
        if (blank(system) || blank(organisation)) {
            throw new DgwsRejection("the ID card does not identify the calling system and organisation");
        }
        if (medcomHeader == null) {
            throw new DgwsRejection("no medcom:Header");
        }
        Element headerLevel = XmlElements.child(medcomHeader, MEDCOM, "SecurityLevel");
        if (headerLevel == null || parseLevel(headerLevel.getTextContent().trim()) < minimumLevel) {
            throw new DgwsRejection("medcom:Header has no acceptable SecurityLevel");
        }
        return new CallerIdentity(true, system, organisation, attributes.get("medcom:CareProviderName"),
                attributes.get("sosi:IDCardType"), attributes.get("medcom:UserRole"),
                firstNonBlank(attributes.get("medcom:UserOrganisationSOR"), hsuid.get("organisation")),
                hsuid.get("userType"), level);
    }

    private VerifiedCard read(Element assertion) {
        X509Certificate signer = verifySignature(assertion);
        Element conditions = XmlElements.child(assertion, SAML, "Conditions");
        if (conditions == null) {
            throw new DgwsRejection("the ID card has no validity window");
        }
        try {
            return new VerifiedCard(Map.copyOf(attributes(assertion)), signer,
                    Instant.parse(conditions.getAttribute("NotBefore")),
                    Instant.parse(conditions.getAttribute("NotOnOrAfter")));
        } catch (DateTimeParseException e) {
            throw new DgwsRejection("the ID card's validity window cannot be read");
        }
    }

    private X509Certificate verifySignature(Element assertion) {
        // DGWS cards use "id"; SAML 2.0 itself uses "ID": register whichever is present as the XML ID
        if (assertion.hasAttribute("id")) {
            assertion.setIdAttribute("id", true);
        }
        if (assertion.hasAttribute("ID")) {
            assertion.setIdAttribute("ID", true);
        }
        Element signatureElement = XmlElements.child(assertion, DSIG, "Signature");
        if (signatureElement == null) {
            throw new DgwsRejection("the ID card is not signed");
        }
        X509Certificate[] signer = new X509Certificate[1];
        try {
            DOMValidateContext context = new DOMValidateContext(new CertificateKeySelector(signer), signatureElement);
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            if (!coversWholeAssertion(signature, assertion)) {
                throw new DgwsRejection("the signature does not cover the whole ID card");
            }
            if (!signature.validate(context)) {
                throw new DgwsRejection("the ID card's signature is invalid (forged or altered)");
            }
        } catch (DgwsRejection e) {
            throw e;
        } catch (Exception e) {
            throw new DgwsRejection("the ID card's signature cannot be verified: " + e.getMessage());
        }
        issuers.check(signer[0], Date.from(clock.instant()));
        return signer[0];
    }

    private static boolean coversWholeAssertion(XMLSignature signature, Element assertion) {
        String id = assertion.hasAttribute("id") ? assertion.getAttribute("id") : assertion.getAttribute("ID");
        for (Object reference : signature.getSignedInfo().getReferences()) {
            if (("#" + id).equals(((Reference) reference).getURI())) {
                return true;
            }
        }
        return false;
    }

    private void checkValidity(VerifiedCard card, Instant now) {
        if (now.plus(skew).isBefore(card.notBefore())) {
            throw new DgwsRejection("the ID card is not valid yet");
        }
        if (!now.minus(skew).isBefore(card.notOnOrAfter())) {
            throw new DgwsRejection("the ID card has expired");
        }
    }

    private static Map<String, String> attributes(Element assertion) {
        Map<String, String> values = new HashMap<>();
        NodeList attributes = assertion.getElementsByTagNameNS(SAML, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            Element value = XmlElements.child(attribute, SAML, "AttributeValue");
            if (value != null) {
                values.put(attribute.getAttribute("Name"), value.getTextContent().trim());
            }
        }
        return values;
    }

    private static int parseLevel(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new DgwsRejection("the security level is missing or not a number");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String firstNonBlank(String a, String b) {
        return blank(a) ? b : a;
    }

    /** Takes the signer's certificate from KeyInfo; whether it is trusted is checked afterwards. */
    private static final class CertificateKeySelector extends KeySelector {

        private final X509Certificate[] found;

        CertificateKeySelector(X509Certificate[] found) {
            this.found = found;
        }

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) throws KeySelectorException {
            if (keyInfo == null) {
                throw new KeySelectorException("no KeyInfo");
            }
            for (Object item : keyInfo.getContent()) {
                if (item instanceof X509Data data) {
                    for (Object value : data.getContent()) {
                        if (value instanceof X509Certificate certificate) {
                            found[0] = certificate;
                            return certificate::getPublicKey;
                        }
                    }
                }
            }
            throw new KeySelectorException("no X.509 certificate in KeyInfo");
        }
    }
}
