package dk.eojxds.model;

import java.util.Objects;

/**
 * A code from the Danish health-care organisation register (SOR): a positive integer of up to
 * eighteen digits identifying an organisation or unit.
 */
public record SorCode(String value) {

    /** The OID of the SOR code system. */
    public static final String OID = "1.2.208.176.1.1";
    /** The same, as a FHIR identifier system. */
    public static final String SYSTEM = "urn:oid:" + OID;

    public SorCode {
        Objects.requireNonNull(value, "SOR code is missing");
        if (!isValid(value)) {
            throw new InvalidIdentifierException("SOR code must be 1 to 18 digits without a leading zero");
        }
    }

    public static SorCode of(String value) {
        return new SorCode(value);
    }

    public static boolean isValid(String value) {
        return value != null && value.matches("[1-9]\\d{0,17}");
    }
}
