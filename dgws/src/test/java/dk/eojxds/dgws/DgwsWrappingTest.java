package dk.eojxds.dgws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.eojxds.testsupport.sts.IdCardIssuer;
import dk.eojxds.testsupport.sts.TestCertificates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.security.auth.x500.X500Principal;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The known ways around an XML-signed SAML token, each tried on a genuine card of the trusted
 * STS (or one the STS's own key signed in a shape DGWS does not allow): attributes hidden where
 * the signature does not reach, a second element with the card's id, a moved assertion, duplicate
 * attributes, comments in values, other transforms and algorithms, signers that are not the STS.
 */
class DgwsWrappingTest {

    static final TestCertificates.Credential CA = TestCertificates.certificateAuthority("CN=Wrapping CA");
    static final String STS_SUBJECT = "CN=Wrapping STS,O=eoj-xds test";
    static final IdCardIssuer STS = new IdCardIssuer(TestCertificates.issuedBy(CA, STS_SUBJECT));
    static final IdCardIssuer.Card CARD = IdCardIssuer.Card.system("Sundhed.dk", "33257872", "Sundhed.dk");
    static final String SAML = IdCardIssuer.SAML;
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private static TrustedIssuers trusted(Collection<? extends CRL> crls, boolean revocation) {
        return new TrustedIssuers(List.of(), List.of(new X500Principal(STS_SUBJECT)), List.of(CA.certificate()),
                crls, revocation);
    }

    private static DgwsVerifier verifier(int minimumLevel) {
        return new DgwsVerifier(trusted(List.of(), false), Duration.ofMinutes(5), minimumLevel, Clock.systemUTC());
    }

    @Test
    void anAttributeStatementHiddenInTheSignaturesObjectIsNeverRead() {
        Document message = message(STS.soapHeaders(CARD));
        Element signature = (Element) message.getElementsByTagNameNS(DSIG, "Signature").item(0);
        Element object = (Element) signature.appendChild(message.createElementNS(DSIG, "ds:Object"));
        Element statement = (Element) object.appendChild(message.createElementNS(SAML, "saml:AttributeStatement"));
        attribute(statement, "sosi:AuthenticationLevel", "4");
        attribute(statement, "medcom:CareProviderID", "99999999");

        assertThatThrownBy(() -> verify(verifier(4), message)).isInstanceOf(DgwsRejection.class)
                .hasMessageContaining("security level 3 is below the required 4");
        CallerIdentity caller = verify(verifier(3), message);
        assertThat(caller.level()).isEqualTo(3);
        assertThat(caller.organisationId()).isEqualTo("33257872");
    }

    @Test
    void aSecondElementWithTheCardsIdIsRefused() {
        Document message = message(STS.soapHeaders(CARD));
        Element decoy = message.createElementNS("urn:x", "x:Decoy");
        decoy.setAttributeNS(null, "id", "IDCard");
        message.getDocumentElement().appendChild(decoy);
        assertRefused(message, "occurs more than once");
    }

    @Test
    void aMovedGenuineCardBesideAForgedCopyIsRefused() {
        Document message = message(STS.soapHeaders(CARD));
        Element security = security(message);
        Element genuine = XmlElements.child(security, SAML, "Assertion");
        Element forged = (Element) genuine.cloneNode(true);
        text(forged, "medcom:CareProviderID", "99999999");
        Element wrapper = message.createElementNS("urn:x", "x:Wrapper");
        security.replaceChild(forged, genuine);
        wrapper.appendChild(genuine);
        security.appendChild(wrapper);
        assertRefused(message, "occurs more than once");

        forged.setAttributeNS(null, "id", "Forged");
        assertRefused(message, "does not cover the whole ID card");
    }

    @Test
    void twoCardsInOneSecurityHeaderAreRefused() {
        Document message = message(STS.soapHeaders(CARD));
        Element security = security(message);
        Element copy = (Element) XmlElements.child(security, SAML, "Assertion").cloneNode(true);
        copy.setAttributeNS(null, "id", "Other");
        security.appendChild(copy);
        assertRefused(message, "more than one saml:Assertion");
    }

    @Test
    void anAttributeTwiceIsRefusedEvenWhenSignedByTheSts() {
        Document message = resigned(assertion -> attribute(lastStatement(assertion), "medcom:CareProviderID", "99999999"),
                SignatureMethod.RSA_SHA256, List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE), "#IDCard");
        assertRefused(message, "more than once");
    }

    @Test
    void aValueWithAnElementOrCommentInsideIsRefused() {
        Document message = message(STS.soapHeaders(CARD));
        Element value = value(message, "medcom:ITSystemName");
        // comments are outside what exclusive C14N signs: the signature still holds
        value.insertBefore(message.createComment("x"), value.getFirstChild().getNextSibling());
        value.appendChild(message.createTextNode(""));
        assertRefused(message, "plain text");
    }

    @Test
    void otherTransformsAlgorithmsOrReferencesAreRefused() {
        assertRefused(resigned(a -> { }, SignatureMethod.RSA_SHA256,
                List.of(Transform.ENVELOPED, CanonicalizationMethod.INCLUSIVE), "#IDCard"), "other transforms");
        assertRefused(resigned(a -> { }, SignatureMethod.RSA_SHA256, List.of(Transform.ENVELOPED), "#IDCard"),
                "other transforms");
        assertRefused(resigned(a -> { }, SignatureMethod.RSA_SHA256,
                List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE), "#IDCard", "#IDCard"),
                "exactly one reference");
        assertThatThrownBy(() -> verify(verifier(3), resigned(a -> { }, SignatureMethod.RSA_SHA1,
                List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE), "#IDCard")))
                .isInstanceOf(DgwsRejection.class);
    }

    @Test
    void onlyTheStsMaySign() {
        TestCertificates.Credential tlsServer = TestCertificates.tlsServer(CA, "repository.example");
        assertRefused(message(new IdCardIssuer(tlsServer).soapHeaders(CARD)), "not signed by the STS");
        TestCertificates.Credential encipherOnly = TestCertificates.issuedBy(CA, STS_SUBJECT, KeyUsage.keyEncipherment);
        assertRefused(message(new IdCardIssuer(encipherOnly).soapHeaders(CARD)), "not meant for signatures");
        TestCertificates.Credential otherCa = TestCertificates.issuedBy(
                TestCertificates.certificateAuthority("CN=Other CA"), STS_SUBJECT);
        assertRefused(message(new IdCardIssuer(otherCa).soapHeaders(CARD)), "not trusted");
    }

    @Test
    void aPinnedCertificateNeedsNoSubjectOrChain() {
        DgwsVerifier pinned = new DgwsVerifier(TrustedIssuers.pinned(List.of(STS.signer().certificate())),
                Duration.ofMinutes(5), 3, Clock.systemUTC());
        assertThat(verify(pinned, message(STS.soapHeaders(CARD))).itSystem()).isEqualTo("Sundhed.dk");
        IdCardIssuer sameSubject = new IdCardIssuer(TestCertificates.issuedBy(CA, STS_SUBJECT));
        assertThatThrownBy(() -> verify(pinned, message(sameSubject.soapHeaders(CARD))))
                .isInstanceOf(DgwsRejection.class).hasMessageContaining("not signed by the STS");
    }

    @Test
    void aRevokedSignerIsRefusedWhenRevocationIsChecked() throws Exception {
        DgwsVerifier checking = new DgwsVerifier(trusted(crl(TestCertificates.crlPem(CA, STS.signer().certificate())),
                true), Duration.ofMinutes(5), 3, Clock.systemUTC());
        assertThatThrownBy(() -> verify(checking, message(STS.soapHeaders(CARD)))).isInstanceOf(DgwsRejection.class)
                .hasMessageContaining("not trusted");
        DgwsVerifier notRevoked = new DgwsVerifier(trusted(crl(TestCertificates.crlPem(CA)), true),
                Duration.ofMinutes(5), 3, Clock.systemUTC());
        assertThat(verify(notRevoked, message(STS.soapHeaders(CARD))).verified()).isTrue();
    }

    @Test
    void hsuidValuesAreRecordedAsAssertedNeverAsFromTheCard() {
        DgwsVerifier verifier = verifier(3);
        Document systemCard = message(STS.soapHeaders(CARD));
        CallerIdentity viaHsuid = verifier.verify(security(systemCard), medcom(systemCard),
                Map.of("organisation", "111", "userType", "nsi:HealthcareProfessional"));
        assertThat(viaHsuid.userOrganisationSor()).isEqualTo("111");
        assertThat(viaHsuid.userSource()).isEqualTo("HSUID");
        Document userCard = message(STS.soapHeaders(CARD.user("Læge", "380421000016001")));
        CallerIdentity fromCard = verifier.verify(security(userCard), medcom(userCard), Map.of("organisation", "111"));
        assertThat(fromCard.userOrganisationSor()).isEqualTo("380421000016001");
        assertThat(fromCard.userSource()).isEqualTo("ID_CARD");
    }

    // --- helpers

    private static Document resigned(Consumer<Element> change, String signatureMethod, List<String> transforms,
                                     String... references) {
        try {
            Document card = parse(STS.assertion(CARD));
            Element assertion = card.getDocumentElement();
            assertion.removeChild(XmlElements.child(assertion, DSIG, "Signature"));
            change.accept(assertion);
            assertion.setIdAttributeNS(null, "id", true);
            IdCardIssuer.sign(assertion, STS.signer(), signatureMethod, DigestMethod.SHA256, transforms,
                    List.of(references));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty("omit-xml-declaration", "yes");
            transformer.transform(new DOMSource(assertion), new StreamResult(out));
            return message("<wsse:Security xmlns:wsse=\"" + IdCardIssuer.WSSE + "\">" + out.toString(StandardCharsets.UTF_8)
                    + "</wsse:Security>" + IdCardIssuer.medcomHeader(3));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Collection<? extends CRL> crl(String pem) throws Exception {
        return CertificateFactory.getInstance("X.509").generateCRLs(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private void assertRefused(Document message, String reason) {
        assertThatThrownBy(() -> verify(verifier(3), message)).isInstanceOf(DgwsRejection.class)
                .hasMessageContaining(reason);
    }

    private static CallerIdentity verify(DgwsVerifier verifier, Document message) {
        return verifier.verify(security(message), medcom(message), Map.of());
    }

    private static Element security(Document message) {
        return XmlElements.child(message.getDocumentElement(), IdCardIssuer.WSSE, "Security");
    }

    private static Element medcom(Document message) {
        return XmlElements.child(message.getDocumentElement(), IdCardIssuer.MEDCOM, "Header");
    }

    private static Element lastStatement(Element assertion) {
        var statements = assertion.getElementsByTagNameNS(SAML, "AttributeStatement");
        return (Element) statements.item(statements.getLength() - 1);
    }

    private static void attribute(Element statement, String name, String value) {
        Document document = statement.getOwnerDocument();
        Element attribute = (Element) statement.appendChild(document.createElementNS(SAML, "saml:Attribute"));
        attribute.setAttributeNS(null, "Name", name);
        attribute.appendChild(document.createElementNS(SAML, "saml:AttributeValue")).setTextContent(value);
    }

    private static Element value(Document message, String name) {
        var attributes = message.getElementsByTagNameNS(SAML, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (name.equals(attribute.getAttribute("Name"))) {
                return XmlElements.child(attribute, SAML, "AttributeValue");
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static void text(Element assertion, String name, String value) {
        var attributes = assertion.getElementsByTagNameNS(SAML, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (name.equals(attribute.getAttribute("Name"))) {
                XmlElements.child(attribute, SAML, "AttributeValue").setTextContent(value);
            }
        }
    }

    private static Document message(String headers) {
        return parse("<h>" + headers + "</h>");
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
