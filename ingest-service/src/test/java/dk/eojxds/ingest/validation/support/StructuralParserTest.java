package dk.eojxds.ingest.validation.support;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dk.eojxds.ingest.testing.Fixtures;
import java.time.Instant;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/** JSON types FHIR fixes: a decimal is a JSON number, an id a JSON string; the reason says which is which. */
class StructuralParserTest {

    private final StructuralParser parser = new StructuralParser(FhirContext.forR4Cached());
    private final String valid = Fixtures.observation("o1", Instant.parse("2026-11-20T08:00:00Z"));

    @Test
    void aQuantityValueWrittenAsAStringIsAStructureProblem() {
        String quoted = valid.replace("\"value\":96", "\"value\":\"96\"");
        assertThat(quoted).isNotEqualTo(valid);
        assertThat(parser.parse(quoted, Observation.class).problems()).singleElement().asString()
                .startsWith("structure:").contains("value", "STRING", "NUMBER");
        assertThat(parser.parse(valid, Observation.class).problems()).isEmpty();
    }

    @Test
    void anIdWrittenAsANumberSaysSo() {
        String numeric = valid.replace("\"id\":\"o1\"", "\"id\":17");
        assertThat(parser.parse(numeric, Observation.class).problems()).singleElement().asString()
                .contains("NUMBER", "STRING").doesNotContain("SCALAR, expected SCALAR");
    }
}
