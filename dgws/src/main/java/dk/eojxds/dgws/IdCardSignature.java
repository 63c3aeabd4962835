package dk.eojxds.dgws;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
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
 *   <li>signature and digest algorithms from an allow-list: RSA or ECDSA with SHA-256/384/512.
 *       SHA-1 is refused (the JDK's secure validation refuses it too).</li>
 * </ul>
 */
public final class IdCardSignature {

    private static final Set<String> SIGNATURE_ALGORITHMS = Set.of(SignatureMethod.RSA_SHA256,
            SignatureMethod.RSA_SHA384, SignatureMethod.RSA_SHA512, SignatureMethod.ECDSA_SHA256,
            SignatureMethod.ECDSA_SHA384, SignatureMethod.ECDSA_SHA512);
    private static final Set<String> DIGEST_ALGORITHMS = Set.of(DigestMethod.SHA256,
            "http://www.w3.org/2001/04/xmldsig-more#sha384", DigestMethod.SHA512);
    private static final Set<String> SIGNED_INFO_C14N = Set.of(CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.INCLUSIVE);
    private static final List<String> TRANSFORMS = List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE);

    private IdCardSignature() {
    }

    /** Verifies the card's signature and answers the certificate it was made with (not yet trusted). */
    public static X509Certificate verify(Element assertion) {
        String id = cardId(assertion);
        requireUniqueId(topmost(assertion), id);
        Element signatureElement = onlySignature(assertion);
        X509Certificate[] signer = new X509Certificate[1];
        try {
            DOMValidateContext context = new DOMValidateContext(new CertificateKeySelector(signer), signatureElement);
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            checkShape(signature.getSignedInfo(), id);
            if (!signature.validate(context)) {
                throw new DgwsRejection("the ID card's signature is invalid (forged or altered)");
            }
        } catch (DgwsRejection e) {
            throw e;
        } catch (Exception e) {
            throw new DgwsRejection("the ID card's signature cannot be verified: " + e.getMessage());
        }
        return signer[0];
    }

    // DGWS cards use "id"; SAML 2.0 itself uses "ID": one of them, registered as the XML ID
    private static String cardId(Element assertion) {
        boolean lower = assertion.hasAttributeNS(null, "id");
        boolean upper = assertion.hasAttributeNS(null, "ID");
        if (lower == upper) {
            throw new DgwsRejection("the ID card must carry exactly one id attribute");
        }
        String name = lower ? "id" : "ID";
        String id = assertion.getAttributeNS(null, name);
        if (id.isEmpty() || !id.equals(id.strip())) {
            throw new DgwsRejection("the ID card's id is empty or padded");
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
            throw new DgwsRejection("the ID card's id occurs more than once in the message");
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
            throw new DgwsRejection("the ID card is not signed");
        }
        if (signatures.size() > 1) {
            throw new DgwsRejection("the ID card carries more than one signature");
        }
        return signatures.get(0);
    }

    private static void checkShape(SignedInfo signedInfo, String id) {
        if (!SIGNED_INFO_C14N.contains(signedInfo.getCanonicalizationMethod().getAlgorithm())) {
            throw new DgwsRejection("the ID card's signature uses a canonicalisation that is not allowed");
        }
        if (!SIGNATURE_ALGORITHMS.contains(signedInfo.getSignatureMethod().getAlgorithm())) {
            throw new DgwsRejection("the ID card's signature algorithm is not allowed ("
                    + signedInfo.getSignatureMethod().getAlgorithm() + ")");
        }
        List<?> references = signedInfo.getReferences();
        if (references.size() != 1) {
            throw new DgwsRejection("the ID card's signature must have exactly one reference");
        }
        Reference reference = (Reference) references.get(0);
        if (!("#" + id).equals(reference.getURI())) {
            throw new DgwsRejection("the signature does not cover the whole ID card");
        }
        if (!DIGEST_ALGORITHMS.contains(reference.getDigestMethod().getAlgorithm())) {
            throw new DgwsRejection("the ID card's digest algorithm is not allowed");
        }
        List<String> transforms = reference.getTransforms().stream()
                .map(transform -> ((Transform) transform).getAlgorithm()).toList();
        if (!TRANSFORMS.equals(transforms)) {
            throw new DgwsRejection("the ID card's signature has other transforms than enveloped-signature "
                    + "and exclusive canonicalisation");
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
            found[0] = certificate;
            X509Certificate chosen = certificate;
            return chosen::getPublicKey;
        }
    }
}
