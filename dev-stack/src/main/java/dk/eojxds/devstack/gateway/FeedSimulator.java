package dk.eojxds.devstack.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Seeds a few days of TELMA measurements, K-PRO responses and FSIII delivery reports at start,
 * then publishes a new delivery for a random citizen now and then.
 */
@Component
class FeedSimulator implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(FeedSimulator.class);
    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    private final SimulatedGateway gateway;
    private final SimulatorProperties properties;
    private final Random random;
    private final SyntheticTelma telma;
    private final SyntheticKpro kpro;
    private final SyntheticFsiii fsiii;
    private final List<SyntheticCitizens.Citizen> citizens;
    private final Clock clock;
    private int round;
    private int deliveries;
    // today's live TELMA measurements per citizen, so a day can be withdrawn as a whole
    private final java.util.Map<String, List<org.hl7.fhir.r4.model.Observation>> today = new java.util.HashMap<>();
    private volatile boolean paused;

    FeedSimulator(SimulatedGateway gateway, SimulatorProperties properties, Optional<Clock> clock) {
        this.gateway = gateway;
        this.properties = properties;
        this.random = new Random(properties.randomSeed());
        this.citizens = SyntheticCitizens.create(properties.citizens(), random);
        this.telma = new SyntheticTelma(random);
        this.kpro = new SyntheticKpro(random);
        this.fsiii = new SyntheticFsiii(random, properties.fsiiiScope());
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!properties.enabled()) {
            return;
        }
        Instant today = clock.instant().atZone(DANISH).toLocalDate().atTime(8, 0).atZone(DANISH).toInstant();
        for (int day = properties.seedDays(); day >= 1; day--) {
            Instant morning = today.minus(Duration.ofDays(day));
            for (SyntheticCitizens.Citizen citizen : citizens) {
                telma.morningSet(citizen, morning).forEach(gateway::publish);
            }
        }
        for (SyntheticCitizens.Citizen citizen : citizens) {
            gateway.publish(kpro.response(citizen, today.minus(Duration.ofDays(1))));
            gateway.publish(fsiii.report(citizen, today.minus(Duration.ofDays(1))));
        }
        log.info("Gateway simulator seeded {} resources for {} citizens", gateway.size(), citizens.size());
    }

    // the interval from the validated settings record, not from a property string in @Scheduled
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::publishNext, properties.interval(), properties.interval()));
    }

    void publishNext() {
        if (!properties.enabled() || paused) {
            return;
        }
        SyntheticCitizens.Citizen citizen = citizens.get(random.nextInt(citizens.size()));
        Instant now = clock.instant();
        deliveries++;
        if (properties.withdrawEvery() > 0 && deliveries % properties.withdrawEvery() == 0 && !today.isEmpty()) {
            withdrawADay();
            return;
        }
        switch (round++ % 3) {
            case 0 -> {
                List<org.hl7.fhir.r4.model.Observation> set = telma.morningSet(citizen, now.minusSeconds(300));
                set.forEach(gateway::publish);
                today.computeIfAbsent(citizen.cpr().value() + "/" + now.minusSeconds(300).atZone(DANISH).toLocalDate(),
                        k -> new java.util.ArrayList<>()).addAll(set);
            }
            case 1 -> gateway.publish(kpro.response(citizen, now.minusSeconds(60)));
            default -> gateway.publish(fsiii.report(citizen, now.minusSeconds(60)));
        }
    }

    /**
     * A citizen's whole day of measurements marked entered-in-error (the municipality withdrew
     * them): the day's document must be deprecated in the registry (ITI-57).
     */
    private void withdrawADay() {
        String day = today.keySet().iterator().next();
        for (org.hl7.fhir.r4.model.Observation observation : today.remove(day)) {
            observation.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.ENTEREDINERROR);
            gateway.publish(observation);
        }
    }

    /** Stops (or resumes) publishing new deliveries: a drill stops its load and waits for the pipeline to drain. */
    void pause(boolean pause) {
        paused = pause;
    }

    List<SyntheticCitizens.Citizen> citizens() {
        return citizens;
    }
}
