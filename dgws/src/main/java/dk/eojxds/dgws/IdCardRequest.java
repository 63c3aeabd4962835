package dk.eojxds.dgws;

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
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The system ID card this system asks the STS to sign (DGWS 1.0.1, a system card at level 3):
 * issued by the IT system itself, about the organisation (CVR), signed with the organisation's
 * certificate in the shape the verifier demands (one reference to the card, enveloped-signature
 * and exclusive C14N, RSA-SHA256). The STS checks that signature and answers the same attributes
 * signed with its own certificate.
 */
public final class IdCardRequest {

    private IdCardRequest() {
    }

    /** The signed card, as the root of its own document. */
    public static Document card(SystemIdentity system, Duration validity) {
        try {
            Document document = SecureXml.newDocument();
            Element assertion = document.createElementNS(DgwsNamespaces.SAML, "saml:Assertion");
            assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", DgwsNamespaces.SAML);
            assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", DgwsVerifier.DSIG);
            document.appendChild(assertion);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            assertion.setAttribute("IssueInstant", now.toString());
            assertion.setAttribute("Version", "2.0");
            assertion.setAttribute("id", "IDCard");
            assertion.setIdAttribute("id", true);
            // saml:Issuer is an NCName in DGWS's schema: the IT system's name without spaces
            child(assertion, "saml:Issuer", system.itSystem().replaceAll("[^\\w.\\-]", "-"));
            Element subject = child(assertion, "saml:Subject", null);
            child(subject, "saml:NameID", system.cvr()).setAttribute("Format", "medcom:cvrnumber");
            // holder-of-key: the card is confirmed by its own signature, as Seal's requests say it
            Element confirmation = child(subject, "saml:SubjectConfirmation", null);
            child(confirmation, "saml:ConfirmationMethod", "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key");
            Element keyInfo = SecureXml.append(child(confirmation, "saml:SubjectConfirmationData", null),
                    DgwsVerifier.DSIG, "ds:KeyInfo", null);
            SecureXml.append(keyInfo, DgwsVerifier.DSIG, "ds:KeyName", "OCESSignature");
            Element conditions = child(assertion, "saml:Conditions", null);
            conditions.setAttribute("NotBefore", now.minus(Duration.ofMinutes(1)).toString());
            conditions.setAttribute("NotOnOrAfter", now.plus(validity).toString());
            Element idCardData = child(assertion, "saml:AttributeStatement", null);
            idCardData.setAttribute("id", "IDCardData");
            attribute(idCardData, "sosi:IDCardID", UUID.randomUUID().toString());
            attribute(idCardData, "sosi:IDCardVersion", "1.0.1");
            attribute(idCardData, "sosi:IDCardType", "system");
            attribute(idCardData, "sosi:AuthenticationLevel", "3");
            attribute(idCardData, "sosi:OCESCertHash", certificateHash(system));
            Element systemLog = child(assertion, "saml:AttributeStatement", null);
            systemLog.setAttribute("id", "SystemLog");
            attribute(systemLog, "medcom:ITSystemName", system.itSystem());
            attribute(systemLog, "medcom:CareProviderID", system.cvr()).setAttribute("NameFormat", "medcom:cvrnumber");
            attribute(systemLog, "medcom:CareProviderName", system.organisationName());
            sign(assertion, system);
            return document;
        } catch (Exception e) {
            throw new IllegalStateException("could not sign the ID card request", e);
        }
    }

    private static String certificateHash(SystemIdentity system) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(system.certificate().getEncoded());
        return java.util.Base64.getEncoder().encodeToString(digest);
    }

    private static void sign(Element assertion, SystemIdentity system) throws Exception {
        XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM");
        Reference reference = signatures.newReference("#IDCard", signatures.newDigestMethod(DigestMethod.SHA256, null),
                List.of(signatures.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                        signatures.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                null, null);
        SignedInfo signedInfo = signatures.newSignedInfo(
                signatures.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                signatures.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
        KeyInfoFactory keyInfos = signatures.getKeyInfoFactory();
        var keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(system.certificate()))));
        DOMSignContext context = new DOMSignContext(system.key(), assertion);
        context.setDefaultNamespacePrefix("ds");
        signatures.newXMLSignature(signedInfo, keyInfo, null, "OCESSignature", null).sign(context);
        // DGWS writes the signature's id in lower case (outside what is signed: enveloped)
        Element signature = (Element) assertion.getLastChild();
        signature.removeAttribute("Id");
        signature.setAttribute("id", "OCESSignature");
    }

    private static Element child(Element parent, String name, String text) {
        return SecureXml.append(parent, DgwsNamespaces.SAML, name, text);
    }

    private static Element attribute(Element statement, String name, String value) {
        Element attribute = child(statement, "saml:Attribute", null);
        attribute.setAttribute("Name", name);
        child(attribute, "saml:AttributeValue", value);
        return attribute;
    }
}
