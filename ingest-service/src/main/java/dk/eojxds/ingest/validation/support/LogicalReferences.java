package dk.eojxds.ingest.validation.support;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.SorCode;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * The gateway's logical references: a citizen by CPR identifier, a municipal organisation by SOR
 * identifier with a display name. Empty when the reference does not carry a valid one.
 */
public final class LogicalReferences {

    private LogicalReferences() {
    }

    public static Optional<Cpr> citizen(Reference reference) {
        Identifier identifier = reference.getIdentifier();
        return Cpr.SYSTEM.equals(identifier.getSystem()) && Cpr.isValid(identifier.getValue())
                ? Optional.of(Cpr.of(identifier.getValue())) : Optional.empty();
    }

    public static Optional<SorCode> organisation(Reference reference) {
        Identifier identifier = reference.getIdentifier();
        return SorCode.SYSTEM.equals(identifier.getSystem()) && reference.hasDisplay()
                && SorCode.isValid(identifier.getValue()) ? Optional.of(SorCode.of(identifier.getValue())) : Optional.empty();
    }
}
