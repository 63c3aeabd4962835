package dk.eojxds.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void sorCodeIsDigitsWithoutLeadingZero() {
        assertThat(SorCode.of("380421000016001").value()).isEqualTo("380421000016001");
        assertThatThrownBy(() -> SorCode.of("0123")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> SorCode.of("12a")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void formatsAuthorInstitutionAsXon() {
        Organisation org = new Organisation("Aarhus Kommune", SorCode.of("751000016006"));
        assertThat(org.xdsAuthorInstitution()).isEqualTo("Aarhus Kommune^^^^^&1.2.208.176.1.1&ISO^^^^751000016006");
    }

    @Test
    void deterministicIdsAreStableAndDistinct() {
        assertThat(DeterministicIds.uuid("a", "b")).isEqualTo(DeterministicIds.uuid("a", "b"));
        assertThat(DeterministicIds.uuid("a", "b")).isNotEqualTo(DeterministicIds.uuid("ab"));
        assertThat(DeterministicIds.uuid("x").version()).isEqualTo(5);
        assertThat(DeterministicIds.entryUuid("u1")).startsWith("urn:uuid:").isEqualTo(DeterministicIds.entryUuid("u1"));
        String oid = DeterministicIds.oid(DeterministicIds.uuid("x"));
        assertThat(oid).startsWith("2.25.").matches("2\\.25\\.[1-9]\\d*");
        assertThat(oid.length()).isLessThanOrEqualTo(64);
    }

    @Test
    void homeMeasurementsKnowTheirRanges() {
        HomeMeasurement spo2 = HomeMeasurement.byNpuCode("NPU03011").orElseThrow();
        assertThat(spo2.isPlausible(new java.math.BigDecimal("97"))).isTrue();
        assertThat(spo2.isPlausible(new java.math.BigDecimal("101"))).isFalse();
        assertThat(HomeMeasurement.byNpuCode("NPU99999")).isEmpty();
    }

    @Test
    void documentIdsHaveTheVersion4FormTheDanishProfilesRequireAndStayDeterministic() {
        java.util.UUID id = DeterministicIds.documentUuid("TELMA", "0101501234", "2026-11-20", "f1", "");
        org.assertj.core.api.Assertions.assertThat(id.version()).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThat(id.variant()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(DeterministicIds.documentUuid("TELMA", "0101501234", "2026-11-20", "f1", ""))
                .isEqualTo(id);
        org.assertj.core.api.Assertions.assertThat(DeterministicIds.uuid("x").version()).isEqualTo(5);
    }
}
