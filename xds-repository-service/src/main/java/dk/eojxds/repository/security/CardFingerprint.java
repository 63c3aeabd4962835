package dk.eojxds.repository.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.w3c.dom.Attr;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A SHA-256 over everything an ID card says: every element's namespace and name, every attribute
 * (in a fixed order) and every text, each length-prefixed so that no two different cards encode
 * alike. Two cards with the same fingerprint carry the same attributes, validity window,
 * signature and certificate, so a card whose fingerprint has been verified need not be verified
 * again (DDS sends the same card with every request until it expires). Walking the DOM costs a
 * few microseconds; canonicalising and checking the signature and the certificate path costs
 * about a tenth of a millisecond.
 */
final class CardFingerprint {

    private CardFingerprint() {
    }

    static String of(Node assertion) {
        MessageDigest digest = sha256();
        feed(digest, assertion);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void feed(MessageDigest digest, Node node) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                put(digest, 'E', node.getNamespaceURI());
                put(digest, 'L', node.getLocalName() != null ? node.getLocalName() : node.getNodeName());
                NamedNodeMap attributes = node.getAttributes();
                String[] encoded = new String[attributes.getLength()];
                for (int i = 0; i < encoded.length; i++) {
                    Attr attribute = (Attr) attributes.item(i);
                    encoded[i] = attribute.getNamespaceURI() + '\u0000' + attribute.getName() + '\u0000'
                            + attribute.getValue();
                }
                Arrays.sort(encoded);
                for (String attribute : encoded) {
                    put(digest, 'A', attribute);
                }
                for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                    feed(digest, child);
                }
                put(digest, 'e', "");
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> put(digest, 'T', node.getNodeValue());
            default -> {
                // comments and processing instructions carry nothing that is read from a card
            }
        }
    }

    private static void put(MessageDigest digest, char kind, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) kind);
        digest.update(ByteBuffer.allocate(5).put((byte) (value == null ? 0 : 1)).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
