package dk.eojxds.ingest.validation.fsiii;

import dk.eojxds.model.fsiii.FsiiiTerminology;
import dk.eojxds.model.fsiii.FsiiiValueSet;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * FSIII codings checked against the value sets the profiles bind. A code the loaded terminology
 * does not know is reported as such, naming where the terminology came from: with the built-in
 * extract, that is our gap, not the sender's error (production refuses to start without KL's
 * full CodeSystem, see {@code FsiiiConfiguration}).
 */
final class FsiiiCodes {

    private final FsiiiTerminology terminology;

    FsiiiCodes(FsiiiTerminology terminology) {
        this.terminology = terminology;
    }

    /** The single FSIII coding's code, or null when there is none or more than one. */
    static String code(CodeableConcept concept) {
        List<Coding> fsiii = concept.getCoding().stream()
                .filter(c -> FsiiiTerminology.isFsiiiSystem(c.getSystem())).toList();
        return fsiii.size() == 1 ? fsiii.get(0).getCode() : null;
    }

    boolean in(CodeableConcept concept, FsiiiValueSet... valueSets) {
        String code = code(concept);
        return code != null && Arrays.stream(valueSets).anyMatch(v -> v.contains(terminology, code));
    }

    /**
     * Adds a violation unless the concept holds exactly one FSIII coding from one of the value
     * sets; {@code element} is the profile element the binding is on.
     */
    void require(CodeableConcept concept, String rule, String element, String id, List<String> reasons,
                 FsiiiValueSet... valueSets) {
        String code = code(concept);
        String bound = String.join(" or ", Arrays.stream(valueSets).map(FsiiiValueSet::url).toList());
        if (code == null) {
            reasons.add(rule + ": " + id + " needs exactly one coding with system " + FsiiiTerminology.SYSTEM
                    + " [" + element + "]");
        } else if (!terminology.knows(code)) {
            reasons.add(rule + ": " + id + " code '" + code + "' is not in the FSIII terminology loaded from "
                    + terminology.sourceName() + " [" + element + "]");
        } else if (Arrays.stream(valueSets).noneMatch(v -> v.contains(terminology, code))) {
            reasons.add(rule + ": " + id + " code '" + code + "' is not in " + bound + " [" + element + "]");
        }
    }
}
