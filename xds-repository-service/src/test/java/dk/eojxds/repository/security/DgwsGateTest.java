package dk.eojxds.repository.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secure by default: DGWS unless security is switched off explicitly, and never DGWS without a pinned STS. */
class DgwsGateTest {

    private static SecurityProperties properties(SecurityProperties.Mode mode, boolean insecure, String subjects,
                                                 String anchors) {
        return new SecurityProperties(mode, insecure, null, subjects, anchors, false, List.of(), Duration.ofMinutes(5),
                3, 1 << 20, dk.eojxds.dgws.CardSignatureAlgorithms.NATIONAL_STS);
    }

    @Test
    void modeNoneWithoutTheLocalDevelopmentSwitchRefusesToStart() {
        assertThatThrownBy(() -> new DgwsGate(properties(SecurityProperties.Mode.NONE, false, null, null), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("insecure-local-development=true");
        assertThat(new DgwsGate(properties(SecurityProperties.Mode.NONE, true, null, null), null)).isNotNull();
    }

    @Test
    void dgwsWithoutAPinnedStsRefusesToStart() {
        assertThatThrownBy(() -> new DgwsGate(properties(SecurityProperties.Mode.DGWS, true, null, null), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sts-certificates");
        assertThatThrownBy(() -> new DgwsGate(properties(SecurityProperties.Mode.DGWS, false, "CN=STS", null), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trusted-certificates");
    }
}
