package dk.eojxds.model;

import java.util.List;
import java.util.Objects;

/**
 * A person's name as the CPR register gives it: the family name and the given names in order. The
 * first given name is the call name; the rest are written, space-separated, as HL7's "second and
 * further given names".
 */
public record PersonName(String family, List<String> given) {

    public PersonName {
        Objects.requireNonNull(family, "family");
        given = given == null ? List.of() : List.copyOf(given);
    }

    public String firstGiven() {
        return given.isEmpty() ? "" : given.get(0);
    }

    public String furtherGiven() {
        return String.join(" ", given.subList(Math.min(1, given.size()), given.size()));
    }
}
