package dk.eojxds.model;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Identifiers derived from content, never drawn at random, so that rebuilding a document or
 * re-sending a registration produces the same ids (idempotence across restarts and replicas).
 */
public final class DeterministicIds {

    // Fixed namespace of this project for name-based (version 5) UUIDs.
    private static final UUID NAMESPACE = UUID.fromString("6f0c2a0e-5b6d-4c1e-9c55-3e0b7a1d2f48");

    private DeterministicIds() {
    }

    /** A version 5 (SHA-1, name-based) UUID of the parts joined by a separator. */
    public static UUID uuid(String... parts) {
        return derived(0x50, parts);
    }

    /**
     * The same derivation in the format of a version 4 UUID, for the ids the Danish document
     * profiles require to be version 4 (a document's id, its entries' ids): 122 bits that look
     * random and are, for anyone without the inputs, yet the same whenever the same document is
     * built again. Existing ids stay as they were: only new documents get this form.
     */
    public static UUID documentUuid(String... parts) {
        return derived(0x40, parts);
    }

    private static UUID derived(int version, String... parts) {
        MessageDigest sha1 = sha1();
        sha1.update(toBytes(NAMESPACE));
        sha1.update(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | version);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** The XDS entryUUID of the document with this uniqueId. */
    public static String entryUuid(String documentUniqueId) {
        return "urn:uuid:" + uuid("entryUUID", documentUniqueId);
    }

    /** An OID under the UUID arc 2.25 (ITU-T X.667): at most 44 characters. */
    public static String oid(UUID uuid) {
        return "2.25." + new BigInteger(1, toBytes(uuid));
    }

    private static byte[] toBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }
}
