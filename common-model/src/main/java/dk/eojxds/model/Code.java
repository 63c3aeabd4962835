package dk.eojxds.model;

import java.util.Objects;

/** A coded value as XDS metadata carries it: the code, the OID of its scheme, a display name. */
public record Code(String code, String schemeOid, String display) {

    public Code {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(schemeOid, "schemeOid");
        Objects.requireNonNull(display, "display");
    }
}
