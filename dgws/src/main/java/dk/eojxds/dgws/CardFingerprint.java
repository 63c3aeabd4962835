package dk.eojxds.dgws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.w3c.dom.Attr;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A SHA-256 over everything an ID card says: every element's namespace and name, every attribute
 * and every text, each length-prefixed so that no two different cards encode alike. Two cards
 * with the same fingerprint carry the same attributes, validity window, signature and
 * certificate, so a card whose fingerprint has been verified need not be verified again (DDS
 * sends the same card with every request until it expires). The same card written differently
 * (attributes in another order, say) only misses the cache and is verified in full. Walking the
 * DOM costs a few microseconds; canonicalising and checking the signature and the certificate
 * path costs about a tenth of a millisecond.
 */
final class CardFingerprint {

    private CardFingerprint() {
    }

    static String of(Node assertion) {
        StringBuilder encoded = new StringBuilder(4096);
        encode(encoded, assertion);
        return HexFormat.of().formatHex(sha256().digest(encoded.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void encode(StringBuilder out, Node node) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                put(out, 'E', node.getNamespaceURI());
                put(out, 'L', node.getLocalName() != null ? node.getLocalName() : node.getNodeName());
                NamedNodeMap attributes = node.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr attribute = (Attr) attributes.item(i);
                    put(out, 'N', attribute.getNamespaceURI());
                    put(out, 'A', attribute.getName());
                    put(out, 'V', attribute.getValue());
                }
                for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                    encode(out, child);
                }
                out.append('e');
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> put(out, 'T', node.getNodeValue());
            default -> {
                // comments and processing instructions carry nothing that is read from a card
            }
        }
    }

    // kind, then "-" for null or the length and ":", then the value
    private static void put(StringBuilder out, char kind, String value) {
        out.append(kind);
        if (value == null) {
            out.append('-');
        } else {
            out.append(value.length()).append(':').append(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
