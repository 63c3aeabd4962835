package dk.eojxds.model;

import java.util.Objects;

/** An organisation as the Danish metadata names it: a display name and its SOR code. */
public record Organisation(String name, SorCode sor) {

    public Organisation {
        Objects.requireNonNull(sor, "SOR code is missing");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("organisation name is missing");
        }
    }

    /** XDS authorInstitution (XON): {@code <name>^^^^^&1.2.208.176.1.1&ISO^^^^<SOR code>}. */
    public String xdsAuthorInstitution() {
        return name + "^^^^^&" + SorCode.OID + "&ISO^^^^" + sor.value();
    }
}
