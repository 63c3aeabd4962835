package dk.eojxds.dgws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.eojxds.testsupport.sts.IdCardIssuer;
import dk.eojxds.testsupport.sts.TestCertificates;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * ID cards as the national STS issues them: a user card (MOCES, level 4) written element by element
 * in the order and with the attributes NSP's test STS (TEST1-NSP-STS) answers, signed the way it
 * signs (RSA-SHA1 over a SHA-1 digest, exclusive C14N, {@code ds:Signature id="OCESSignature"} after
 * the attribute statements) by a key we pin. Values are fictitious; the shape is the published one
 * (docs/security.md, "What NSP really sends"). And SHA-1 allowed there and nowhere else.
 */
class NationalStsCardTest {

    static final TestCertificates.Credential CA = TestCertificates.certificateAuthority("CN=National STS test CA");
    static final TestCertificates.Credential STS = TestCertificates.issuedBy(CA, "CN=TEST1-NSP-STS stand-in,O=eoj-xds test");
    static final String SAML = IdCardIssuer.SAML;
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private static DgwsVerifier pinned(CardSignatureAlgorithms algorithms) {
        return new DgwsVerifier(TrustedIssuers.pinned(List.of(STS.certificate())), Duration.ofMinutes(5), 3,
                Clock.systemUTC(), algorithms);
    }

    // the card's text, in the national STS's element order; the signature is appended by signing
    private static String userCard(Instant notBefore) {
        Instant from = notBefore.truncatedTo(ChronoUnit.SECONDS);
        return """
                <saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" \
                xmlns:ds="http://www.w3.org/2000/09/xmldsig#" IssueInstant="%1$s" Version="2.0" id="IDCard">\
                <saml:Issuer>TEST1-NSP-STS</saml:Issuer>\
                <saml:Subject><saml:NameID Format="medcom:other">SubjectDN={CN=Karen Testlæge + \
                SERIALNUMBER=CVR:12345678-RID:90817263, O=Test Lægehus // CVR:12345678, C=DK},\
                IssuerDN={CN=TRUST2408 Systemtest XXII CA, O=TRUST2408, C=DK},CertSerial={1122334455}</saml:NameID>\
                <saml:SubjectConfirmation>\
                <saml:ConfirmationMethod>urn:oasis:names:tc:SAML:2.0:cm:holder-of-key</saml:ConfirmationMethod>\
                <saml:SubjectConfirmationData><ds:KeyInfo><ds:KeyName>OCESSignature</ds:KeyName></ds:KeyInfo>\
                </saml:SubjectConfirmationData></saml:SubjectConfirmation></saml:Subject>\
                <saml:Conditions NotBefore="%1$s" NotOnOrAfter="%2$s"/>\
                <saml:AttributeStatement id="IDCardData">\
                <saml:Attribute Name="sosi:IDCardID"><saml:AttributeValue>q8Xk2mT0Rb6v1YwJ3pLz9A==</saml:AttributeValue></saml:Attribute>\
                <saml:Attribute Name="sosi:IDCardVersion"><saml:AttributeValue>1.0.1</saml:AttributeValue></saml:Attribute>\
                <saml:Attribute Name="sosi:IDCardType"><saml:AttributeValue>user</saml:AttributeValue></saml:Attribute>\
                <saml:Attribute Name="sosi:AuthenticationLevel"><saml:AttributeValue>4</saml:AttributeValue></saml:Attribute>\
                <saml:Attribute Name="sosi:OCESCertHash"><saml:AttributeValue>3J1mQ0h5o2VxXbU8cR4tWm9kLs0=</saml:AttributeValue></saml:Attribute>\
                </saml:AttributeStatement>\
                <saml:AttributeStatement id="UserLog">\
                <saml:Attribute Name="medcom:UserCivilRegistrationNumber"><saml:AttributeValue>0101709994</saml:AttributeValue></saml:Attribute>\
                <saml:Attribute Name="medcom:UserGivenName"><saml:AttributeValue>Karen</saml:AttributeValue></saml:Attribute>\
                <saml:Attribute Name="medcom:UserSurName"><saml:AttributeValue>Testlæge</saml:AttributeValue></saml:Attribute>\
                <saml:Attribute Name="medcom:UserEmailAddress"><saml:AttributeValue>karen@example.dk</saml:AttributeValue></saml:Attribute>\
                <saml:Attribute Name="medcom:UserRole"><saml:AttributeValue>7170</saml:AttributeValue></saml:Attribute>\
                <saml:Attribute Name="medcom:UserAuthorizationCode"><saml:AttributeValue>ZQ987</saml:AttributeValue></saml:Attribute>\
                <saml:Attribute Name="medcom:UserOccupation"><saml:AttributeValue>Praktiserende læge</saml:AttributeValue></saml:Attribute>\
                </saml:AttributeStatement>\
                <saml:AttributeStatement id="SystemLog">\
                <saml:Attribute Name="medcom:ITSystemName"><saml:AttributeValue>Sundhedsjournalen</saml:AttributeValue></saml:Attribute>\
                <saml:Attribute Name="medcom:CareProviderID" NameFormat="medcom:cvrnumber"><saml:AttributeValue>12345678</saml:AttributeValue></saml:Attribute>\
                <saml:Attribute Name="medcom:CareProviderName"><saml:AttributeValue>Test Lægehus</saml:AttributeValue></saml:Attribute>\
                </saml:AttributeStatement>\
                </saml:Assertion>""".formatted(from, from.plus(Duration.ofHours(24)));
    }

    @Test
    void aUserCardShapedAndSignedAsTheNationalStsDoesIsAcceptedWithItsUser() {
        Document message = signed(userCard(Instant.now().minusSeconds(60)), STS, SignatureMethod.RSA_SHA1,
                DigestMethod.SHA1, c -> { });
        Element signature = (Element) message.getElementsByTagNameNS(DSIG, "Signature").item(0);
        assertThat(signature.getAttribute("id")).isEqualTo("OCESSignature");
        assertThat(signature.getNextSibling()).as("the signature is the card's last child").isNull();

        CallerIdentity caller = verify(pinned(CardSignatureAlgorithms.nationalSts()), message);

        assertThat(caller.level()).isEqualTo(4);
        assertThat(caller.cardType()).isEqualTo("user");
        assertThat(caller.itSystem()).isEqualTo("Sundhedsjournalen");
        assertThat(caller.organisationId()).isEqualTo("12345678");
        assertThat(caller.userRole()).isEqualTo("7170");
        assertThat(caller.userCpr()).isEqualTo("0101709994");
        assertThat(caller.userName()).isEqualTo("Karen Testlæge");
        assertThat(caller.userAuthorisationCode()).isEqualTo("ZQ987");
        assertThat(caller.userSource()).isEqualTo("ID_CARD");
    }

    @Test
    void theSameCardFromAnyOtherSignerIsRefused() {
        TestCertificates.Credential impostor = TestCertificates.issuedBy(CA, "CN=TEST1-NSP-STS stand-in,O=eoj-xds test");
        Document message = signed(userCard(Instant.now()), impostor, SignatureMethod.RSA_SHA1, DigestMethod.SHA1, c -> { });
        assertRefused(pinned(CardSignatureAlgorithms.nationalSts()), message, "not signed by the STS");
    }

    @Test
    void aCardAlteredAfterTheStsSignedItIsRefused() {
        Document message = signed(userCard(Instant.now()), STS, SignatureMethod.RSA_SHA1, DigestMethod.SHA1, c -> { });
        Element level = (Element) message.getElementsByTagNameNS(SAML, "AttributeValue").item(3);
        level.setTextContent("5");
        assertRefused(pinned(CardSignatureAlgorithms.nationalSts()), message, "invalid");
    }

    @Test
    void sha1IsAcceptedOnlyAsRsaSha1OverASha1Digest() {
        DgwsVerifier verifier = pinned(CardSignatureAlgorithms.nationalSts());
        String card = userCard(Instant.now());
        assertRefused(verifier, signed(card, STS, SignatureMethod.RSA_SHA1, DigestMethod.SHA256, c -> { }),
                "digest algorithm is not allowed");
        // a SHA-1 digest under any other signature method: secure validation stays on and refuses it
        assertRefused(verifier, signed(card, STS, SignatureMethod.RSA_SHA256, DigestMethod.SHA1, c -> { }),
                "xmldsig#sha1");
        assertThat(verify(verifier, signed(card, STS, SignatureMethod.RSA_SHA256, DigestMethod.SHA256, c -> { }))
                .level()).isEqualTo(4);
    }

    @Test
    void whenTheSettingLeavesRsaSha1OutItIsRefusedLikeAnyOtherAlgorithm() {
        DgwsVerifier strict = pinned(CardSignatureAlgorithms.of(List.of("rsa-sha256")));
        assertRefused(strict, signed(userCard(Instant.now()), STS, SignatureMethod.RSA_SHA1, DigestMethod.SHA1, c -> { }),
                "xmldsig#rsa-sha1");
        assertThatThrownBy(() -> CardSignatureAlgorithms.of(List.of("rsa-sha1", "rsa-md5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rsa-md5");
    }

    @Test
    void aSha1SignatureOfAnyOtherShapeIsRefusedBeforeAnythingIsComputed() {
        DgwsVerifier verifier = pinned(CardSignatureAlgorithms.nationalSts());
        String card = userCard(Instant.now());
        assertRefused(verifier, signed(card, STS, SignatureMethod.RSA_SHA1, DigestMethod.SHA1,
                List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE), List.of("#IDCard", "#IDCard"), c -> { }),
                "exactly one reference");
        assertRefused(verifier, signed(card, STS, SignatureMethod.RSA_SHA1, DigestMethod.SHA1,
                List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE, CanonicalizationMethod.EXCLUSIVE), List.of("#IDCard"),
                c -> { }), "other transforms");
        assertRefused(verifier, signed(card, STS, SignatureMethod.RSA_SHA1, DigestMethod.SHA1,
                List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE), List.of("#IDCard"), signature -> {
                    Element keyInfo = (Element) signature.getElementsByTagNameNS(DSIG, "KeyInfo").item(0);
                    Element retrieval = signature.getOwnerDocument().createElementNS(DSIG, "ds:RetrievalMethod");
                    retrieval.setAttributeNS(null, "URI", "http://attacker.example/key");
                    keyInfo.appendChild(retrieval);
                }), "RetrievalMethod");
        TestCertificates.Credential weak = TestCertificates.issuedWithKeySize(CA, "CN=weak", 1024);
        DgwsVerifier trustsWeak = new DgwsVerifier(TrustedIssuers.pinned(List.of(weak.certificate())),
                Duration.ofMinutes(5), 3, Clock.systemUTC());
        assertRefused(trustsWeak, signed(card, weak, SignatureMethod.RSA_SHA1, DigestMethod.SHA1, c -> { }), "too weak");
    }

    @Test
    void nothingOutsideTheCardsOwnValidationIsRelaxed() throws Exception {
        Document message = signed(userCard(Instant.now()), STS, SignatureMethod.RSA_SHA1, DigestMethod.SHA1, c -> { });
        assertThat(verify(pinned(CardSignatureAlgorithms.nationalSts()), message).verified()).isTrue();

        // the JDK's policy is as it was: any other validation of the same SHA-1 signature is refused
        assertThat(Security.getProperty("jdk.xml.dsig.secureValidationPolicy"))
                .contains("disallowAlg http://www.w3.org/2000/09/xmldsig#rsa-sha1");
        Element signature = (Element) message.getElementsByTagNameNS(DSIG, "Signature").item(0);
        DOMValidateContext context = new DOMValidateContext(
                javax.xml.crypto.KeySelector.singletonKeySelector(STS.certificate().getPublicKey()), signature);
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        assertThatThrownBy(() -> XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context).validate(context))
                .hasMessageContaining("rsa-sha1");
    }

    // --- helpers

    private static Document signed(String card, TestCertificates.Credential signer, String signatureMethod,
                                   String digestMethod, Consumer<Element> afterSigning) {
        return signed(card, signer, signatureMethod, digestMethod,
                List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE), List.of("#IDCard"), afterSigning);
    }

    private static Document signed(String card, TestCertificates.Credential signer, String signatureMethod,
                                   String digestMethod, List<String> transforms, List<String> references,
                                   Consumer<Element> afterSigning) {
        try {
            Document message = parse("<h><wsse:Security xmlns:wsse=\"" + IdCardIssuer.WSSE + "\">" + card
                    + "</wsse:Security>" + IdCardIssuer.medcomHeader(4) + "</h>");
            Element assertion = (Element) message.getElementsByTagNameNS(SAML, "Assertion").item(0);
            assertion.setIdAttributeNS(null, "id", true);
            IdCardIssuer.sign(assertion, signer, signatureMethod, digestMethod, transforms, references);
            afterSigning.accept((Element) assertion.getElementsByTagNameNS(DSIG, "Signature").item(0));
            return message;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CallerIdentity verify(DgwsVerifier verifier, Document message) {
        Element root = message.getDocumentElement();
        return verifier.verify(XmlElements.child(root, IdCardIssuer.WSSE, "Security"),
                XmlElements.child(root, IdCardIssuer.MEDCOM, "Header"), Map.of());
    }

    private static void assertRefused(DgwsVerifier verifier, Document message, String reason) {
        assertThatThrownBy(() -> verify(verifier, message)).isInstanceOf(DgwsRejection.class)
                .hasMessageContaining(reason);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
