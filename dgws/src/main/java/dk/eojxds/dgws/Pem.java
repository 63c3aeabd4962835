package dk.eojxds.dgws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** A PKCS#8 private key from a PEM file ({@code -----BEGIN PRIVATE KEY-----}), RSA or EC. */
public final class Pem {

    private Pem() {
    }

    public static PrivateKey privateKey(String file) {
        try {
            String pem = Files.readString(Path.of(file));
            int start = pem.indexOf("-----BEGIN PRIVATE KEY-----");
            int end = pem.indexOf("-----END PRIVATE KEY-----");
            if (start < 0 || end < start) {
                throw new IllegalStateException(file + " holds no PKCS#8 private key (BEGIN PRIVATE KEY)");
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + 27, end));
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
            try {
                return KeyFactory.getInstance("RSA").generatePrivate(spec);
            } catch (GeneralSecurityException notRsa) {
                return KeyFactory.getInstance("EC").generatePrivate(spec);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the private key in " + file, e);
        }
    }
}
