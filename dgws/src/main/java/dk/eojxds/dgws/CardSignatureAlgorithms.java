package dk.eojxds.dgws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;

/**
 * Which algorithms an ID card's signature may use, by short name ({@code rsa-sha1},
 * {@code rsa-sha256}, ...): the setting {@code eojxds.security.card-signature-algorithms}.
 *
 * <p>The national STS signs DGWS 1.0.1 ID cards with RSA-SHA1 over a SHA-1 digest (what NSP's test
 * STS answers, and DGWS 1.0.1 itself): a repository that refuses SHA-1 refuses every genuine DDS
 * call. SHA-1 is therefore allowed, by default, in exactly that one shape: the RSA-SHA1 signature
 * method together with a SHA-1 digest, nothing else (no ECDSA- or DSA-SHA1, no SHA-1 digest under
 * another signature method, no RSA-SHA1 over a stronger digest). Every other name pairs its
 * signature method with the SHA-2 digests.
 */
public final class CardSignatureAlgorithms {

    /** What the national STS signs with, and what cards signed with today's algorithms use. */
    public static final List<String> NATIONAL_STS = List.of("rsa-sha1", "rsa-sha256", "rsa-sha384", "rsa-sha512",
            "ecdsa-sha256", "ecdsa-sha384", "ecdsa-sha512");

    static final String SHA1_DIGEST = DigestMethod.SHA1;
    private static final Set<String> SHA2_DIGESTS = Set.of(DigestMethod.SHA256,
            "http://www.w3.org/2001/04/xmldsig-more#sha384", DigestMethod.SHA512);
    private static final Map<String, String> SIGNATURE_METHODS = names();

    private final Set<String> signatureMethods;

    private CardSignatureAlgorithms(Set<String> signatureMethods) {
        this.signatureMethods = signatureMethods;
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("rsa-sha1", SignatureMethod.RSA_SHA1);
        names.put("rsa-sha256", SignatureMethod.RSA_SHA256);
        names.put("rsa-sha384", SignatureMethod.RSA_SHA384);
        names.put("rsa-sha512", SignatureMethod.RSA_SHA512);
        names.put("ecdsa-sha256", SignatureMethod.ECDSA_SHA256);
        names.put("ecdsa-sha384", SignatureMethod.ECDSA_SHA384);
        names.put("ecdsa-sha512", SignatureMethod.ECDSA_SHA512);
        return Map.copyOf(names);
    }

    /** The default: {@link #NATIONAL_STS}. */
    public static CardSignatureAlgorithms nationalSts() {
        return of(NATIONAL_STS);
    }

    /**
     * The algorithms named (case-insensitive); an unknown or empty list is refused at start, so a
     * typo never silently narrows or widens what is accepted.
     */
    public static CardSignatureAlgorithms of(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("card-signature-algorithms must name at least one algorithm, of "
                    + SIGNATURE_METHODS.keySet());
        }
        Set<String> methods = names.stream().map(name -> {
            String method = SIGNATURE_METHODS.get(name.strip().toLowerCase(Locale.ROOT));
            if (method == null) {
                throw new IllegalArgumentException("unknown card signature algorithm '" + name + "'; known: "
                        + SIGNATURE_METHODS.keySet().stream().sorted().collect(Collectors.joining(", ")));
            }
            return method;
        }).collect(Collectors.toUnmodifiableSet());
        return new CardSignatureAlgorithms(methods);
    }

    /** Whether a card declaring this signature method is signed the national STS's SHA-1 way. */
    boolean isLegacySha1(String signatureMethod) {
        return SignatureMethod.RSA_SHA1.equals(signatureMethod) && signatureMethods.contains(signatureMethod);
    }

    /** Refuses a signature method that is not allowed. */
    void checkSignatureMethod(String signatureMethod) {
        if (!signatureMethods.contains(signatureMethod)) {
            throw new DgwsRejection(DgwsFaultCode.invalid_signature,
                    "the ID card's signature algorithm is not allowed (" + signatureMethod + ")");
        }
    }

    /** Refuses a digest that does not belong with the signature method (SHA-1 only under RSA-SHA1, and only there). */
    void checkDigest(String signatureMethod, String digestMethod) {
        boolean allowed = SignatureMethod.RSA_SHA1.equals(signatureMethod)
                ? SHA1_DIGEST.equals(digestMethod)
                : SHA2_DIGESTS.contains(digestMethod);
        if (!allowed) {
            throw new DgwsRejection(DgwsFaultCode.invalid_signature,
                    "the ID card's digest algorithm is not allowed with its signature algorithm ("
                    + digestMethod + ")");
        }
    }

    @Override
    public String toString() {
        return SIGNATURE_METHODS.entrySet().stream().filter(e -> signatureMethods.contains(e.getValue()))
                .map(Map.Entry::getKey).sorted().collect(Collectors.joining(","));
    }
}
