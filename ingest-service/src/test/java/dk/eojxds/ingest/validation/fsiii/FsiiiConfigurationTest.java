package dk.eojxds.ingest.validation.fsiii;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.eojxds.model.fsiii.FsiiiScope;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up refusals: no FSIII terminology without the development switch, no care scope without a legal basis. */
class FsiiiConfigurationTest {

    @Test
    void withoutKlsCodeSystemTheServiceRefusesToStartUnlessTheExtractIsAskedFor() {
        assertThatThrownBy(() -> new FsiiiConfiguration().fsiiiTerminology(
                new FsiiiProperties(null, null, null, null, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("eojxds.fsiii.code-system");
    }

    @Test
    void aCareScopeWithoutALegalBasisRefusesToStart() {
        assertThatThrownBy(() -> new FsiiiConfiguration().fsiiiScopeInfo(
                new FsiiiProperties(FsiiiScope.HEALTHCARE, Map.of("fsiii", FsiiiScope.CARE), " ", null, true), null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("legal-basis");
    }
}
