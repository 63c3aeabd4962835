package dk.eojxds.repository.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.dgws.SecureXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The rules against MedCom's own published example documents: a rule that refuses MedCom's example
 * of its release is wrong. The examples are MedCom's, not ours, and are not copied into this
 * repository: run with {@code -Dmedcom.examples=<dir>} holding them as {@code phmr-2.1-*.xml},
 * {@code phmr-1.3-*.xml}, {@code qrd-1.3.2-*.xml}. Without it the test is skipped.
 */
class ConformanceCalibrationTest {

    @Test
    void medcomsExamplesPassTheRulesOfTheirRelease() throws Exception {
        String dir = System.getProperty("medcom.examples");
        Assumptions.assumeTrue(dir != null && !dir.isBlank(), "-Dmedcom.examples=<dir> not given");
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                List<Rule> rules = name.startsWith("phmr-2.1-") ? DanishCdaProfiles.phmr21()
                        : name.startsWith("phmr-1.3-") ? DanishCdaProfiles.phmr13()
                        : name.startsWith("qrd-1.3.2-") ? DanishCdaProfiles.qrd132() : null;
                if (rules == null) {
                    continue;
                }
                List<Violation> violations = new ConformanceChecker(rules).check(SecureXml.parse(Files.readAllBytes(file)));
                assertThat(violations).as(name).isEmpty();
                checked++;
            }
        }
        assertThat(checked).as("examples found in " + dir).isPositive();
    }
}
