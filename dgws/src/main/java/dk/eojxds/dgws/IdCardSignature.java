package dk.eojxds.dgws;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The XML signature of a DGWS ID card, held to the one shape DGWS 1.0.1 gives it (§ 6, "ID card
 * signature") and nothing looser, so that no part of the card can be left outside what was signed:
 * <ul>
 *   <li>exactly one {@code ds:Signature}, a direct child of the assertion;</li>
 *   <li>exactly one Reference, to the assertion itself by its id, and that id unique in the whole
 *       message (a second element with the same id is the classic wrapping attack);</li>
 *   <li>exactly the transforms enveloped-signature then exclusive C14N, and exclusive or inclusive
 *       C14N (without comments) for SignedInfo;</li>
 *   <li>signature and digest algorithms from {@link CardSignatureAlgorithms}: by default RSA-SHA1
 *       over a SHA-1 digest (how the national STS signs every card), and RSA or ECDSA with
 *       SHA-256/384/512;</li>
 *   <li>an RSA key of at least 2048 bits, an EC key of at least 256.</li>
 * </ul>
 *
 * <p>The JDK's secure validation stays on for every card, except one the national STS signed the
 * SHA-1 way, which that policy forbids outright. For such a card alone it is switched off in this
 * card's own validation context (nothing global: every other XML signature and TLS keep the JDK's
 * policy) and each rule of the policy that could apply is checked here instead, before anything
 * is computed: the algorithms, one reference to the card, two fixed transforms, no
 * RetrievalMethod, unique ids, the key size.
 */
public final class IdCardSignature {

    private static final Set<String> SIGNED_INFO_C14N = Set.of(CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.INCLUSIVE);
    private static final List<String> TRANSFORMS = List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE);

    private IdCardSignature() {
    }

    /** Verifies the card's signature with the default algorithms ({@link CardSignatureAlgorithms#nationalSts()}). */
    public static X509Certificate verify(Element assertion) {
        return verify(assertion, DEFAULT_ALGORITHMS);
    }

    /** Verifies the card's signature and answers the certificate it was made with (not yet trusted). */
    public static X509Certificate verify(Element assertion, CardSignatureAlgorithms algorithms) {
        String id = cardId(assertion);
        requireUniqueId(topmost(assertion), id);
        Element signatureElement = onlySignature(assertion);
        boolean legacySha1 = algorithms.isLegacySha1(declaredSignatureMethod(signatureElement));
        if (legacySha1) {
            checkBeforeUnmarshalling(signatureElement);
        }
        X509Certificate[] signer = new X509Certificate[1];
        try {
            DOMValidateContext context = new DOMValidateContext(new CertificateKeySelector(signer), signatureElement);
            // off only for a card declaring the STS's RSA-SHA1, which the JDK's policy refuses by name;
            // checkBeforeUnmarshalling and checkShape hold it to the policy's other rules
            context.setProperty("org.jcp.xml.dsig.secureValidation", !legacySha1);
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            checkShape(signature.getSignedInfo(), id, algorithms);
            if (!signature.validate(context)) {
                throw new DgwsRejection(DgwsFaultCode.invalid_signature,
                        "the ID card's signature is invalid (forged or altered)");
            }
        } catch (DgwsRejection e) {
            throw e;
        } catch (Exception e) {
            throw new DgwsRejection(DgwsFaultCode.invalid_signature,
                    "the ID card's signature cannot be verified: " + e.getMessage());
        }
        return signer[0];
    }

    private static final CardSignatureAlgorithms DEFAULT_ALGORITHMS = CardSignatureAlgorithms.nationalSts();

    private static String declaredSignatureMethod(Element signature) {
        Element signedInfo = XmlElements.child(signature, DgwsVerifier.DSIG, "SignedInfo");
        Element method = signedInfo == null ? null : XmlElements.child(signedInfo, DgwsVerifier.DSIG, "SignatureMethod");
        return method == null ? "" : method.getAttribute("Algorithm");
    }

    // what secure validation checks while unmarshalling, for the one card it is off for
    private static void checkBeforeUnmarshalling(Element signature) {
        if (signature.getElementsByTagNameNS(DgwsVerifier.DSIG, "Reference").getLength() != 1) {
            throw new DgwsRejection(DgwsFaultCode.invalid_signature,
                    "the ID card's signature must have exactly one reference");
        }
        if (signature.getElementsByTagNameNS(DgwsVerifier.DSIG, "Transform").getLength() != TRANSFORMS.size()) {
            throw new DgwsRejection(DgwsFaultCode.invalid_signature,
                    "the ID card's signature has other transforms than enveloped-signature "
                    + "and exclusive canonicalisation");
        }
        if (signature.getElementsByTagNameNS(DgwsVerifier.DSIG, "RetrievalMethod").getLength() > 0) {
            throw new DgwsRejection(DgwsFaultCode.invalid_signature,
                    "the ID card's signature may not fetch its key (RetrievalMethod)");
        }
    }

    // DGWS cards use "id"; SAML 2.0 itself uses "ID": one of them, registered as the XML ID
    private static String cardId(Element assertion) {
        boolean lower = assertion.hasAttributeNS(null, "id");
        boolean upper = assertion.hasAttributeNS(null, "ID");
        if (lower == upper) {
            throw new DgwsRejection(DgwsFaultCode.invalid_idcard, "the ID card must carry exactly one id attribute");
        }
        String name = lower ? "id" : "ID";
        String id = assertion.getAttributeNS(null, name);
        if (id.isEmpty() || !id.equals(id.strip())) {
            throw new DgwsRejection(DgwsFaultCode.invalid_idcard, "the ID card's id is empty or padded");
        }
        assertion.setIdAttributeNS(null, name, true);
        return id;
    }

    // the outermost element of the tree the card is in: the envelope, or a header block built on its own
    private static Element topmost(Element element) {
        Element top = element;
        while (top.getParentNode() instanceof Element parent) {
            top = parent;
        }
        return top;
    }

    private static void requireUniqueId(Element root, String id) {
        if (countIds(root, id) != 1) {
            throw new DgwsRejection(DgwsFaultCode.invalid_idcard,
                    "the ID card's id occurs more than once in the message");
        }
    }

    private static int countIds(Element element, String id) {
        int count = 0;
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (attribute.getLocalName() != null && attribute.getLocalName().equalsIgnoreCase("id")
                    && id.equals(attribute.getValue().strip())) {
                count++;
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                count += countIds(e, id);
            }
        }
        return count;
    }

    private static Element onlySignature(Element assertion) {
        List<Element> signatures = XmlElements.children(assertion, DgwsVerifier.DSIG, "Signature");
        if (signatures.isEmpty()) {
            throw new DgwsRejection(DgwsFaultCode.invalid_signature, "the ID card is not signed");
        }
        if (signatures.size() > 1) {
            throw new DgwsRejection(DgwsFaultCode.invalid_signature, "the ID card carries more than one signature");
        }
        return signatures.get(0);
    }

    private static void checkShape(SignedInfo signedInfo, String id, CardSignatureAlgorithms algorithms) {
        if (!SIGNED_INFO_C14N.contains(signedInfo.getCanonicalizationMethod().getAlgorithm())) {
            throw new DgwsRejection(DgwsFaultCode.invalid_signature,
                    "the ID card's signature uses a canonicalisation that is not allowed");
        }
        String signatureMethod = signedInfo.getSignatureMethod().getAlgorithm();
        algorithms.checkSignatureMethod(signatureMethod);
        List<?> references = signedInfo.getReferences();
        if (references.size() != 1) {
            throw new DgwsRejection(DgwsFaultCode.invalid_signature,
                    "the ID card's signature must have exactly one reference");
        }
        Reference reference = (Reference) references.get(0);
        if (!("#" + id).equals(reference.getURI())) {
            throw new DgwsRejection(DgwsFaultCode.invalid_signature, "the signature does not cover the whole ID card");
        }
        algorithms.checkDigest(signatureMethod, reference.getDigestMethod().getAlgorithm());
        List<String> transforms = reference.getTransforms().stream()
                .map(transform -> ((Transform) transform).getAlgorithm()).toList();
        if (!TRANSFORMS.equals(transforms)) {
            throw new DgwsRejection(DgwsFaultCode.invalid_signature,
                    "the ID card's signature has other transforms than enveloped-signature "
                    + "and exclusive canonicalisation");
        }
    }

    // a DgwsRejection, not a KeySelectorException: the JDK would replace the reason with its own
    private static void requireKeySize(PublicKey key) {
        int bits = key instanceof RSAKey rsa ? rsa.getModulus().bitLength()
                : key instanceof ECKey ec ? ec.getParams().getOrder().bitLength() : 0;
        int minimum = key instanceof RSAKey ? 2048 : 256;
        if (bits < minimum) {
            throw new DgwsRejection(DgwsFaultCode.invalid_signature,
                    "the ID card's signing key is too weak (" + key.getAlgorithm() + ", " + bits
                    + " bits)");
        }
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
            X509Certificate certificate = null;
            for (Object item : keyInfo.getContent()) {
                if (item instanceof X509Data data) {
                    for (Object value : data.getContent()) {
                        if (value instanceof X509Certificate candidate) {
                            if (certificate != null) {
                                // which one signed would be a guess: one certificate, no chain, in a card
                                throw new KeySelectorException("more than one certificate in KeyInfo");
                            }
                            certificate = candidate;
                        }
                    }
                }
            }
            if (certificate == null) {
                throw new KeySelectorException("no X.509 certificate in KeyInfo");
            }
            requireKeySize(certificate.getPublicKey());
            found[0] = certificate;
            X509Certificate chosen = certificate;
            return chosen::getPublicKey;
        }
    }
}
