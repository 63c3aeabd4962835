package dk.eojxds.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A Danish civil registration number (CPR): ten digits, the first six a real date (DDMMYY).
 * <p>
 * The modulus-11 check is deliberately not applied: CPR numbers issued since 2007 need not
 * satisfy it. {@link #toString()} masks the serial part so that a CPR number never reaches a
 * log line in clear text; use {@link #value()} where the number itself is needed.
 */
public record Cpr(String value) {

    /** The OID of the CPR number system, used in FHIR identifiers and XDS patient ids. */
    public static final String OID = "1.2.208.176.1.2";
    /** The same, as a FHIR identifier system. */
    public static final String SYSTEM = "urn:oid:" + OID;

    public Cpr {
        Objects.requireNonNull(value, "CPR number is missing");
        if (!value.matches("\\d{10}")) {
            throw new InvalidIdentifierException("CPR number must be exactly 10 digits");
        }
        if (birthDate(value).isAfter(LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")))) {
            // the seventh digit's century rule can give a date ahead of today: nobody is born yet then
            throw new InvalidIdentifierException("CPR number encodes a birth date in the future");
        }
    }

    public static Cpr of(String value) {
        return new Cpr(value);
    }

    public static boolean isValid(String value) {
        try {
            new Cpr(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The birth date encoded in the number, with the century taken from the seventh digit. */
    public LocalDate birthDate() {
        return birthDate(value);
    }

    /** The XDS patient id in the Danish profile: {@code <CPR>^^^&1.2.208.176.1.2&ISO}. */
    public String xdsPatientId() {
        return value + "^^^&" + OID + "&ISO";
    }

    /** Administrative sex as the number encodes it: an odd last digit is male ({@code M}), even female ({@code F}). */
    public String administrativeSex() {
        return (value.charAt(9) - '0') % 2 == 1 ? "M" : "F";
    }

    private static final java.util.regex.Pattern IN_TEXT =
            java.util.regex.Pattern.compile("(?<!\\d)(\\d{6})-?\\d{4}(?!\\d)");

    /**
     * Free text (an exception message, a database error's detail) with every CPR-shaped number
     * in it (ten digits, or six, a hyphen and four) masked as {@link #masked()} does: for logs and
     * stored reasons that must not carry a CPR number in clear.
     */
    public static String maskAll(String text) {
        return text == null ? null : IN_TEXT.matcher(text).replaceAll("$1-****");
    }

    /** A form fit for logs: birth date part kept, serial masked. */
    public String masked() {
        return value.substring(0, 6) + "-****";
    }

    @Override
    public String toString() {
        return masked();
    }

    private static LocalDate birthDate(String digits) {
        int day = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int yy = Integer.parseInt(digits.substring(4, 6));
        int seventh = digits.charAt(6) - '0';
        try {
            return LocalDate.of(century(seventh, yy) + yy, month, day);
        } catch (DateTimeException e) {
            throw new InvalidIdentifierException("CPR number does not start with a valid date (DDMMYY)");
        }
    }

    // The century rule of the CPR office: the seventh digit together with the year decides it.
    private static int century(int seventh, int yy) {
        if (seventh <= 3) {
            return 1900;
        }
        if (seventh == 4 || seventh == 9) {
            return yy <= 36 ? 2000 : 1900;
        }
        return yy <= 57 ? 2000 : 1800;
    }
}
