package dk.eojxds.repository.citizen;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.PersonName;
import java.util.List;
import java.util.Objects;

/**
 * What the national CPR register says of a citizen, as far as a document header needs it: the
 * name, the home address, and whether the person has name and address protection (navne- og
 * adressebeskyttelse). A protected person's name and address are never published: {@link #published()}
 * replaces them with MedCom's convention, the text {@code ADRESSEBESKYTTET} and postal code 0000.
 */
public record CitizenDemographics(Cpr cpr, List<String> given, String family, Address address, boolean protectedPerson) {

    public static final String PROTECTED = "ADRESSEBESKYTTET";

    public CitizenDemographics {
        Objects.requireNonNull(cpr, "cpr");
        given = given == null ? List.of() : List.copyOf(given);
        family = family == null ? "" : family;
    }

    /** A home address as CPR gives it; {@code lines} are street, number, floor and door as written. */
    public record Address(List<String> lines, String postalCode, String city) {

        public Address {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** What may be written into a document or the registry's metadata. */
    public CitizenDemographics published() {
        if (!protectedPerson) {
            return this;
        }
        return new CitizenDemographics(cpr, List.of(PROTECTED), PROTECTED,
                new Address(List.of(PROTECTED), "0000", PROTECTED), true);
    }

    /** The name that may be published: PID-5 of sourcePatientInfo, the documents' patient name. */
    public PersonName name() {
        CitizenDemographics shown = published();
        return new PersonName(shown.family, shown.given);
    }

    /** Changes whenever what a document shows of the citizen changes: part of a document's fingerprint. */
    public String fingerprint() {
        CitizenDemographics shown = published();
        return String.join("|", shown.given) + "/" + shown.family + "/"
                + (shown.address == null ? "-" : String.join("|", shown.address.lines) + "/" + shown.address.postalCode
                + "/" + shown.address.city);
    }

    @Override
    public String toString() {
        return "CitizenDemographics[" + cpr.masked() + (protectedPerson ? ", protected" : "") + "]";
    }
}
