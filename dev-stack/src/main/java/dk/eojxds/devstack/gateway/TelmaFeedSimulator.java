package dk.eojxds.devstack.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Seeds a few days of home measurements at start, then publishes a new set now and then. */
@Component
class TelmaFeedSimulator {

    private static final Logger log = LoggerFactory.getLogger(TelmaFeedSimulator.class);

    private final SimulatedGateway gateway;
    private final TelmaSimulatorProperties properties;
    private final SyntheticTelma synthetic;
    private final List<SyntheticTelma.Citizen> citizens;
    private final Clock clock;

    TelmaFeedSimulator(SimulatedGateway gateway, TelmaSimulatorProperties properties, Optional<Clock> clock) {
        this.gateway = gateway;
        this.properties = properties;
        this.synthetic = new SyntheticTelma(properties.randomSeed());
        this.citizens = synthetic.citizens(properties.citizens());
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!properties.enabled()) {
            return;
        }
        Instant today = clock.instant().atZone(ZoneId.of("Europe/Copenhagen")).toLocalDate()
                .atTime(8, 0).atZone(ZoneId.of("Europe/Copenhagen")).toInstant();
        int published = 0;
        for (int day = properties.seedDays(); day >= 1; day--) {
            for (SyntheticTelma.Citizen citizen : citizens) {
                for (Observation observation : synthetic.morningSet(citizen, today.minus(Duration.ofDays(day)))) {
                    gateway.publish(observation);
                    published++;
                }
            }
        }
        log.info("Gateway simulator seeded {} home measurements for {} citizens; first citizen {}",
                published, citizens.size(), citizens.get(0).cpr());
    }

    @Scheduled(fixedDelayString = "${eojxds.simulator.telma.interval}", initialDelayString = "${eojxds.simulator.telma.interval}")
    void publishNext() {
        if (!properties.enabled()) {
            return;
        }
        SyntheticTelma.Citizen citizen = citizens.get(synthetic.random().nextInt(citizens.size()));
        synthetic.morningSet(citizen, clock.instant().minusSeconds(300)).forEach(gateway::publish);
    }

    List<SyntheticTelma.Citizen> citizens() {
        return citizens;
    }
}
