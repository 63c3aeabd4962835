package dk.eojxds.repository.status;

import dk.eojxds.handover.PublishedStatus;
import dk.eojxds.repository.reference.Municipalities;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Per municipality, how long since anything arrived from it, as the gauge
 * {@code eojxds.status.municipality.silence} (seconds; label {@code municipality} is the name,
 * {@code code} the municipality code), for the alert on a silent municipality
 * ({@code EojxdsMunicipalitySilent}). Only municipalities whose SOR code the reference data holds
 * can be measured; one that never sent anything counts from when the reference data first gave it
 * that SOR code (so a restart of this service does not reset it, and a municipality an operator
 * has just loaded does not alert at once). Refreshed every few minutes from the same index probes
 * the status page uses.
 */
@Component
class MunicipalitySilence {

    private static final Logger log = LoggerFactory.getLogger(MunicipalitySilence.class);

    private final PublishedStatus published;
    private final Municipalities municipalities;
    private final MultiGauge gauge;

    MunicipalitySilence(PublishedStatus published, Municipalities municipalities, MeterRegistry meters) {
        this.published = published;
        this.municipalities = municipalities;
        this.gauge = MultiGauge.builder("eojxds.status.municipality.silence").baseUnit("seconds")
                .description("time since the last resource from the municipality").register(meters);
    }

    // scheduled by SilenceSchedule
    void refresh() {
        try {
            List<Municipalities.Municipality> known = municipalities.all().stream()
                    .filter(m -> m.sorCode() != null).toList();
            Map<String, Instant> last = PublishedStatus.lastReceivedByMunicipality(
                    published.arrivals(known.stream().map(Municipalities.Municipality::sorCode).toList()));
            Map<String, Instant> knownSince = municipalities.sorCodesKnownSince();
            Instant now = Instant.now();
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (Municipalities.Municipality m : known) {
                Instant since = Objects.requireNonNullElse(last.get(m.sorCode()),
                        knownSince.getOrDefault(m.sorCode(), now));
                rows.add(MultiGauge.Row.of(Tags.of("municipality", m.name(), "code", Integer.toString(m.code())),
                        Duration.between(since, now).toSeconds()));
            }
            gauge.register(rows, true);
        } catch (RuntimeException e) {
            // the gauge keeps its last values; the status page shows the same figures on demand
            log.warn("Could not refresh the municipalities' silence gauge: {}", e.toString());
        }
    }
}
