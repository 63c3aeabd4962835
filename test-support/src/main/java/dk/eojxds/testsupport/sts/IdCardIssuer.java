package dk.eojxds.testsupport.sts;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 */
public final class IdCardIssuer {

    public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String SOSI = "http://www.sosi.dk/sosi/2006/04/sosi-1.0.xsd";
    public static final String MEDCOM = "http://www.medcom.dk/dgws/2006/04/dgws-1.0.xsd";
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private final TestCertificates.Credential signer;

    public IdCardIssuer(TestCertificates.Credential signer) {
        this.signer = signer;
    }

    /** What the card says. */
    public record Card(String itSystem, String cvr, String organisationName, int level, Instant notBefore,
                       Duration validity, String userRole, String userSorOrganisation) {

        public static Card system(String itSystem, String cvr, String organisationName) {
            return new Card(itSystem, cvr, organisationName, 3, Instant.now().minus(Duration.ofMinutes(1)),
                    Duration.ofHours(8), null, null);
        }

        public Card level(int newLevel) {
            return new Card(itSystem, cvr, organisationName, newLevel, notBefore, validity, userRole, userSorOrganisation);
        }

        public Card validFrom(Instant from, Duration duration) {
            return new Card(itSystem, cvr, organisationName, level, from, duration, userRole, userSorOrganisation);
        }

        public Card user(String role, String sorOrganisation) {
            return new Card(itSystem, cvr, organisationName, level, notBefore, validity, role, sorOrganisation);
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
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            Element assertion = document.createElementNS(SAML, "saml:Assertion");
            // declared explicitly: canonicalisation signs the namespace declarations that a parser will see
            assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SAML);
            document.appendChild(assertion);
            assertion.setAttribute("IssueInstant", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            assertion.setAttribute("Version", "2.0");
            assertion.setAttribute("id", "IDCard");
            assertion.setIdAttribute("id", true);
            child(assertion, SAML, "saml:Issuer", "TEST-NSP-STS");
            Element subject = child(assertion, SAML, "saml:Subject", null);
            Element nameId = child(subject, SAML, "saml:NameID", card.cvr());
            nameId.setAttribute("Format", "medcom:cvrnumber");
            Element conditions = child(assertion, SAML, "saml:Conditions", null);
            conditions.setAttribute("NotBefore", card.notBefore().truncatedTo(ChronoUnit.SECONDS).toString());
            conditions.setAttribute("NotOnOrAfter", card.notBefore().plus(card.validity())
                    .truncatedTo(ChronoUnit.SECONDS).toString());
            Element idCardData = child(assertion, SAML, "saml:AttributeStatement", null);
            idCardData.setAttribute("id", "IDCardData");
            attribute(idCardData, "sosi:IDCardID", UUID.randomUUID().toString());
            attribute(idCardData, "sosi:IDCardVersion", "1.0.1");
            attribute(idCardData, "sosi:IDCardType", card.userRole() == null ? "system" : "user");
            attribute(idCardData, "sosi:AuthenticationLevel", Integer.toString(card.level()));
            Element systemLog = child(assertion, SAML, "saml:AttributeStatement", null);
            systemLog.setAttribute("id", "SystemLog");
            attribute(systemLog, "medcom:ITSystemName", card.itSystem());
            attribute(systemLog, "medcom:CareProviderID", card.cvr()).setAttribute("NameFormat", "medcom:cvrnumber");
            attribute(systemLog, "medcom:CareProviderName", card.organisationName());
            if (card.userRole() != null) {
                Element userLog = child(assertion, SAML, "saml:AttributeStatement", null);
                userLog.setAttribute("id", "UserLog");
                attribute(userLog, "medcom:UserRole", card.userRole());
                if (card.userSorOrganisation() != null) {
                    attribute(userLog, "medcom:UserOrganisationSOR", card.userSorOrganisation());
                }
            }
            sign(assertion);
            return serialise(assertion);
        } catch (Exception e) {
            throw new IllegalStateException("could not issue an ID card", e);
        }
    }

    private void sign(Element assertion) throws Exception {
        sign(assertion, signer, SignatureMethod.RSA_SHA256, DigestMethod.SHA256,
                List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE), List.of("#IDCard"));
    }

    /** The certificate and key the cards are signed with. */
    public TestCertificates.Credential signer() {
        return signer;
    }

    /**
     * Signs {@code assertion} (appending a ds:Signature as its last child) with any algorithms,
     * transforms and references: for tests of what a verifier must refuse. The assertion's
     * {@code id} attribute must already be registered as its XML ID.
     */
    public static void sign(Element assertion, TestCertificates.Credential signer, String signatureMethod,
                            String digestMethod, List<String> transforms, List<String> referenceUris) throws Exception {
        XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM");
        List<Transform> transformList = new java.util.ArrayList<>();
        for (String transform : transforms) {
            transformList.add(signatures.newTransform(transform, (TransformParameterSpec) null));
        }
        List<Reference> references = new java.util.ArrayList<>();
        for (String uri : referenceUris) {
            references.add(signatures.newReference(uri, signatures.newDigestMethod(digestMethod, null), transformList,
                    null, null));
        }
        SignedInfo signedInfo = signatures.newSignedInfo(
                signatures.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                signatures.newSignatureMethod(signatureMethod, null), references);
        KeyInfoFactory keyInfos = signatures.getKeyInfoFactory();
        var keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(signer.certificate()))));
        signatures.newXMLSignature(signedInfo, keyInfo, null, "OCESSignature", null)
                .sign(new DOMSignContext(signer.key(), assertion));
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
