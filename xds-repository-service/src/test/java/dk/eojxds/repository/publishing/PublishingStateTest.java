package dk.eojxds.repository.publishing;

import static dk.eojxds.repository.publishing.PublishingState.LIVE;
import static dk.eojxds.repository.publishing.PublishingState.PAUSED;
import static dk.eojxds.repository.publishing.PublishingState.PENDING;
import static dk.eojxds.repository.publishing.PublishingState.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PublishingStateTest {

    @Test
    void operatorsTakeMunicipalitiesLivePauseAndWithdrawThemButNeverBackToPending() {
        assertThat(PENDING.canBecome(LIVE)).isTrue();
        assertThat(PENDING.canBecome(PAUSED)).isFalse();
        assertThat(PENDING.canBecome(WITHDRAWN)).isFalse();
        assertThat(LIVE.canBecome(PAUSED)).isTrue();
        assertThat(LIVE.canBecome(WITHDRAWN)).isTrue();
        assertThat(PAUSED.canBecome(LIVE)).isTrue();
        assertThat(PAUSED.canBecome(WITHDRAWN)).isTrue();
        assertThat(WITHDRAWN.canBecome(LIVE)).isTrue();
        assertThat(WITHDRAWN.canBecome(PAUSED)).as("what was deprecated is not un-deprecated by a pause").isFalse();
        for (PublishingState state : PublishingState.values()) {
            assertThat(state.canBecome(PENDING)).isFalse();
            assertThat(state.canBecome(state)).isFalse();
        }
    }

    @Test
    void aLiveMunicipalityIsStalledOnlyWhileDeliveriesArriveAfterItsLastRegistration() {
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        Instant wentLive = now.minusSeconds(86_400);
        assertThat(PublishingMetrics.stalledSeconds(now.minusSeconds(60), now.minusSeconds(30), wentLive, now))
                .as("nothing arrived since the last registration").isZero();
        assertThat(PublishingMetrics.stalledSeconds(now.minusSeconds(60), now.minusSeconds(7200), wentLive, now))
                .isEqualTo(7200);
        assertThat(PublishingMetrics.stalledSeconds(now.minusSeconds(60), null, now.minusSeconds(600), now))
                .as("never registered: counted from going live").isEqualTo(600);
        assertThat(PublishingMetrics.stalledSeconds(now.minusSeconds(900), null, now.minusSeconds(600), now))
                .as("nothing arrived since going live").isZero();
        assertThat(PublishingMetrics.stalledSeconds(null, null, wentLive, now)).isZero();
    }
}
