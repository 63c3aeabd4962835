package dk.eojxds.dgws;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * This system as the national STS knows it: the IT system's name, the organisation's CVR number
 * and name, and the organisation's certificate (VOCES/FOCES) and key that sign the request for a
 * system ID card.
 */
public record SystemIdentity(String itSystem, String cvr, String organisationName, PrivateKey key,
                             X509Certificate certificate) {
}
