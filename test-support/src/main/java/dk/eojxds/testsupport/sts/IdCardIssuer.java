package dk.eojxds.testsupport.sts;

import java.io.StringWriter;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A test STS: issues DGWS 1.0.1 ID cards (SAML 2.0 assertions) signed with its certificate, and
 * the SOAP headers a DDS call carries ({@code wsse:Security} with the card, {@code medcom:Header}).
 *
 * <p>By default a card is made and signed the way the national STS makes and signs it (what NSP's
 * test STS answers, docs/security.md "What NSP really sends"): RSA-SHA1 over a SHA-1 digest,
 * exclusive C14N, one reference to {@code #IDCard}, {@code ds:Signature id="OCESSignature"} as the
 * assertion's last child after the attribute statements; Issuer, Subject with a
 * {@code medcom:other} NameID (SubjectDN, IssuerDN, CertSerial) and holder-of-key confirmation,
 * Conditions, then the statements IDCardData, UserLog (user cards) and SystemLog in that order.
 * {@link Signing#SHA256} signs the same card with RSA-SHA256, for tests of the stronger path.
 */
public final class IdCardIssuer {

    public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String SOSI = "http://www.sosi.dk/sosi/2006/04/sosi-1.0.xsd";
    public static final String MEDCOM = "http://www.medcom.dk/dgws/2006/04/dgws-1.0.xsd";
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How the cards are signed. */
    public enum Signing {
        /** RSA-SHA1 over a SHA-1 digest: as the national STS signs (the default). */
        NATIONAL_STS(SignatureMethod.RSA_SHA1, DigestMethod.SHA1),
        /** RSA-SHA256 over a SHA-256 digest. */
        SHA256(SignatureMethod.RSA_SHA256, DigestMethod.SHA256);

        final String signatureMethod;
        final String digestMethod;

        Signing(String signatureMethod, String digestMethod) {
            this.signatureMethod = signatureMethod;
            this.digestMethod = digestMethod;
        }
    }

    private final TestCertificates.Credential signer;
    private final Signing signing;

    public IdCardIssuer(TestCertificates.Credential signer) {
        this(signer, Signing.NATIONAL_STS);
    }

    public IdCardIssuer(TestCertificates.Credential signer, Signing signing) {
        this.signer = signer;
        this.signing = signing;
    }

    /**
     * The person a user card (MOCES, level 4) is about, with the attributes a real user card
     * carries in its UserLog statement; {@code sorOrganisation} is optional and not on real cards.
     */
    public record User(String cpr, String givenName, String surname, String email, String role,
                       String authorisationCode, String occupation, String sorOrganisation) {

        /** A fictitious doctor (CPR not valid for any real person: test range). */
        public static User doctor(String role, String sorOrganisation) {
            return new User("0101709994", "Test", "Lægesen", "test.laegesen@example.dk", role, "ZX123", "Overlæge",
                    sorOrganisation);
        }
    }

    /** What the card says. */
    public record Card(String itSystem, String cvr, String organisationName, int level, Instant notBefore,
                       Duration validity, User user) {

        public static Card system(String itSystem, String cvr, String organisationName) {
            return new Card(itSystem, cvr, organisationName, 3, Instant.now().minus(Duration.ofMinutes(1)),
                    Duration.ofHours(8), null);
        }

        public Card level(int newLevel) {
            return new Card(itSystem, cvr, organisationName, newLevel, notBefore, validity, user);
        }

        public Card validFrom(Instant from, Duration duration) {
            return new Card(itSystem, cvr, organisationName, level, from, duration, user);
        }

        /** A user card for a fictitious doctor with this role (and, optionally, SOR organisation). */
        public Card user(String role, String sorOrganisation) {
            return user(User.doctor(role, sorOrganisation));
        }

        public Card user(User newUser) {
            return new Card(itSystem, cvr, organisationName, level, notBefore, validity, newUser);
        }

        public String userRole() {
            return user == null ? null : user.role();
        }
    }

    /** The SOAP header block: wsse:Security with the signed card, and the medcom:Header. */
    public String soapHeaders(Card card) {
        String assertion = assertion(card);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return "<wsse:Security xmlns:wsse=\"" + WSSE + "\" xmlns:wsu=\"" + WSU + "\"><wsu:Timestamp><wsu:Created>" + now
                + "</wsu:Created></wsu:Timestamp>" + assertion + "</wsse:Security>"
                + medcomHeader(card.level());
    }

    public static String medcomHeader(int level) {
        return "<medcom:Header xmlns:medcom=\"" + MEDCOM + "\"><medcom:SecurityLevel>" + level
                + "</medcom:SecurityLevel><medcom:Linking><medcom:FlowID>" + UUID.randomUUID()
                + "</medcom:FlowID><medcom:MessageID>" + UUID.randomUUID()
                + "</medcom:MessageID></medcom:Linking><medcom:FlowStatus>flow_running</medcom:FlowStatus></medcom:Header>";
    }

    /** The signed saml:Assertion, serialised without an XML declaration. */
    public String assertion(Card card) {
        try {
            Element assertion = unsigned(card);
            sign(assertion, signer, signing.signatureMethod, signing.digestMethod,
                    List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE), List.of("#IDCard"));
            return serialise(assertion);
        } catch (Exception e) {
            throw new IllegalStateException("could not issue an ID card", e);
        }
    }

    private Element unsigned(Card card) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().newDocument();
        Element assertion = document.createElementNS(SAML, "saml:Assertion");
        // declared explicitly: canonicalisation signs the namespace declarations that a parser will see
        assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SAML);
        assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", DSIG);
        document.appendChild(assertion);
        Instant issued = card.notBefore().truncatedTo(ChronoUnit.SECONDS);
        assertion.setAttribute("IssueInstant", issued.toString());
        assertion.setAttribute("Version", "2.0");
        assertion.setAttribute("id", "IDCard");
        assertion.setIdAttribute("id", true);
        child(assertion, SAML, "saml:Issuer", "TEST-NSP-STS");
        subject(assertion, card);
        Element conditions = child(assertion, SAML, "saml:Conditions", null);
        conditions.setAttribute("NotBefore", issued.toString());
        conditions.setAttribute("NotOnOrAfter", card.notBefore().plus(card.validity()).truncatedTo(ChronoUnit.SECONDS).toString());
        Element idCardData = statement(assertion, "IDCardData");
        byte[] cardId = new byte[16];
        RANDOM.nextBytes(cardId);
        attribute(idCardData, "sosi:IDCardID", Base64.getEncoder().encodeToString(cardId));
        attribute(idCardData, "sosi:IDCardVersion", "1.0.1");
        attribute(idCardData, "sosi:IDCardType", card.user() == null ? "system" : "user");
        attribute(idCardData, "sosi:AuthenticationLevel", Integer.toString(card.level()));
        attribute(idCardData, "sosi:OCESCertHash", Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-1").digest(signer.certificate().getEncoded())));
        User user = card.user();
        if (user != null) {
            Element userLog = statement(assertion, "UserLog");
            attribute(userLog, "medcom:UserCivilRegistrationNumber", user.cpr());
            attribute(userLog, "medcom:UserGivenName", user.givenName());
            attribute(userLog, "medcom:UserSurName", user.surname());
            attribute(userLog, "medcom:UserEmailAddress", user.email());
            attribute(userLog, "medcom:UserRole", user.role());
            attribute(userLog, "medcom:UserAuthorizationCode", user.authorisationCode());
            attribute(userLog, "medcom:UserOccupation", user.occupation());
            if (user.sorOrganisation() != null) {
                attribute(userLog, "medcom:UserOrganisationSOR", user.sorOrganisation());
            }
        }
        Element systemLog = statement(assertion, "SystemLog");
        attribute(systemLog, "medcom:ITSystemName", card.itSystem());
        attribute(systemLog, "medcom:CareProviderID", card.cvr()).setAttribute("NameFormat", "medcom:cvrnumber");
        attribute(systemLog, "medcom:CareProviderName", card.organisationName());
        return assertion;
    }

    // the holder's certificate as the STS names it, and holder-of-key confirmation by the card's signature
    private static void subject(Element assertion, Card card) {
        Element subject = child(assertion, SAML, "saml:Subject", null);
        String holder = card.user() == null ? card.itSystem()
                : card.user().givenName() + " " + card.user().surname();
        child(subject, SAML, "saml:NameID", "SubjectDN={CN=" + holder + " + SERIALNUMBER=CVR:" + card.cvr()
                + "-RID:12345678, O=" + card.organisationName() + " // CVR:" + card.cvr()
                + ", C=DK},IssuerDN={CN=eoj-xds test OCES CA, O=eoj-xds test, C=DK},CertSerial={1234567890}")
                .setAttribute("Format", "medcom:other");
        Element confirmation = child(subject, SAML, "saml:SubjectConfirmation", null);
        child(confirmation, SAML, "saml:ConfirmationMethod", "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key");
        Element data = child(confirmation, SAML, "saml:SubjectConfirmationData", null);
        child(child(data, DSIG, "ds:KeyInfo", null), DSIG, "ds:KeyName", "OCESSignature");
    }

    /** The certificate and key the cards are signed with. */
    public TestCertificates.Credential signer() {
        return signer;
    }

    /**
     * Signs {@code assertion} (appending a ds:Signature with id OCESSignature as its last child)
     * with any algorithms, transforms and references: for tests of what a verifier must refuse. The
     * assertion's {@code id} attribute must already be registered as its XML ID.
     */
    public static void sign(Element assertion, TestCertificates.Credential signer, String signatureMethod,
                            String digestMethod, List<String> transforms, List<String> referenceUris) throws Exception {
        XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM");
        List<Transform> transformList = new ArrayList<>();
        for (String transform : transforms) {
            transformList.add(signatures.newTransform(transform, (TransformParameterSpec) null));
        }
        List<Reference> references = new ArrayList<>();
        for (String uri : referenceUris) {
            references.add(signatures.newReference(uri, signatures.newDigestMethod(digestMethod, null), transformList,
                    null, null));
        }
        SignedInfo signedInfo = signatures.newSignedInfo(
                signatures.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                signatures.newSignatureMethod(signatureMethod, null), references);
        KeyInfoFactory keyInfos = signatures.getKeyInfoFactory();
        var keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(signer.certificate()))));
        DOMSignContext context = new DOMSignContext(signer.key(), assertion);
        context.setDefaultNamespacePrefix("ds");
        signatures.newXMLSignature(signedInfo, keyInfo, null, "OCESSignature", null).sign(context);
        // the STS writes the signature's id in lower case, as DGWS names every id; the attribute is
        // outside what is signed (the enveloped-signature transform removes the whole element)
        Element signature = (Element) assertion.getLastChild();
        signature.removeAttribute("Id");
        signature.setAttribute("id", "OCESSignature");
    }

    private static Element statement(Element assertion, String id) {
        Element statement = child(assertion, SAML, "saml:AttributeStatement", null);
        statement.setAttribute("id", id);
        return statement;
    }

    private static Element child(Element parent, String namespace, String name, String text) {
        Element element = parent.getOwnerDocument().createElementNS(namespace, name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

    private static Element attribute(Element statement, String name, String value) {
        Element attribute = child(statement, SAML, "saml:Attribute", null);
        attribute.setAttribute("Name", name);
        child(attribute, SAML, "saml:AttributeValue", value);
        return attribute;
    }

    private static String serialise(Element element) throws Exception {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(element), new StreamResult(out));
        return out.toString();
    }
}
