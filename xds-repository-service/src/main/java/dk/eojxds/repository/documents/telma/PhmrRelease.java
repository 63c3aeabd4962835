package dk.eojxds.repository.documents.telma;

import dk.eojxds.model.Code;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.HomeMeasurement;

/**
 * The PHMR-DK release a document follows ({@code eojxds.repository.phmr-release}): 2.1, MedCom's
 * current release, by default; 1.3 for a receiver that still needs it (its formatCode carries
 * deprecationDate 2025-05-13 in MedCom's value set). Each release is written whole to its own
 * rules, and the formatCode follows the release.
 */
public enum PhmrRelease {
    /** PHMR-DK 2.1.0: version block phmr-v2.1, a serviceEvent per measurement code, MCS under 1.2.208.184.100.8. */
    V2_1("phmr-v2.1", DkXdsCodes.FORMAT_PHMR.code()),
    /** PHMR-DK 1.3: version block phmr-v1.3 (as MedCom's example), MCS codes under the NPU OID as 1.3 had them. */
    V1_3("phmr-v1.3", DkXdsCodes.FORMAT_PHMR_1_3.code());

    final String versionId;
    public final String formatCode;

    PhmrRelease(String versionId, String formatCode) {
        this.versionId = versionId;
        this.formatCode = formatCode;
    }

    public static PhmrRelease of(String value) {
        return switch (value == null ? "2.1" : value.trim()) {
            case "2.1", "2.1.0" -> V2_1;
            case "1.3" -> V1_3;
            default -> throw new IllegalArgumentException("eojxds.repository.phmr-release must be 2.1 or 1.3, not "
                    + value);
        };
    }

    /** The measurement's code under the code system this release gives it. */
    Code measurementCode(HomeMeasurement kind) {
        String system = this == V2_1 ? DkXdsCodes.measurementCodeSystem(kind.npuCode()) : DkXdsCodes.NPU;
        return new Code(kind.npuCode(), system, kind.npuDisplay());
    }
}
