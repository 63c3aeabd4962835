package dk.eojxds.model.fsiii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the FSIII codes came from is said in full in the logs, and without the server's
 * directories where others may read it (actuator info, quarantine reasons answered to a pushing
 * municipality).
 */
class FsiiiTerminologySourceTest {

    @Test
    void aLoadedCodeSystemIsNamedByItsFileAndVersionOnly(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("secret-mount")).resolve("fsiii-codesystem.json");
        Files.writeString(file, """
                {"resourceType": "CodeSystem", "url": "urn:oid:1.2.208.176.2.21", "version": "3.1",
                 "concept": [{"code": "G", "display": "Indsatser", "concept": [{"code": "G1", "display": "Bad"}]}]}
                """);

        FsiiiTerminology terminology = FsiiiTerminology.load(file);

        assertThat(terminology.source()).isEqualTo(file + " (version 3.1)");
        assertThat(terminology.sourceName()).isEqualTo("fsiii-codesystem.json (version 3.1)");
        assertThat(FsiiiTerminology.builtIn().sourceName()).isEqualTo(FsiiiTerminology.BUILT_IN);
    }
}
