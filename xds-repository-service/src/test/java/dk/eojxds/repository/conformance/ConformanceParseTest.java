package dk.eojxds.repository.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The parse before the rules reuses one SAX parser per thread: a refused document must not spoil the next. */
class ConformanceParseTest {

    private static final String GOOD = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>T</title></ClinicalDocument>";

    @Test
    void aRefusedDocumentLeavesTheThreadsParserUsable() {
        String doctype = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ClinicalDocument>&e;</ClinicalDocument>";
        String broken = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>";
        for (int round = 0; round < 3; round++) {
            assertThatThrownBy(() -> ConformanceChecker.parse(bytes(doctype))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ConformanceChecker.parse(bytes(broken))).isInstanceOf(IllegalArgumentException.class);
            assertThat(ConformanceChecker.valueOf(ConformanceChecker.parse(bytes(GOOD)), "/h:ClinicalDocument/h:title"))
                    .isEqualTo("T");
        }
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
