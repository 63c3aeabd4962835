package dk.eojxds.repository.publishing;

import dk.eojxds.handover.PublishedStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The publishing gauges, worked out every {@code eojxds.publishing.metrics-refresh}:
 * <ul>
 * <li>{@code eojxds.publishing.waiting.series{state}}: series whose newest state is not at the
 *     registry because their municipality is pending, paused or withdrawn ({@code UNMAPPED}: their
 *     author's SOR code is no municipality's);</li>
 * <li>{@code eojxds.publishing.municipalities{state}}: municipalities per state (one live for some
 *     families and paused for others counts in both);</li>
 * <li>{@code eojxds.publishing.stalled{municipality,code,family}} (seconds): for each live
 *     municipality and family, how long since the last registration of its documents while its
 *     deliveries kept arriving (0 when nothing arrived since), for the alert
 *     {@code EojxdsPublishingStalled}.</li>
 * </ul>
 * At start it says in the log how many municipalities are live and pending.
 */
@Component
class PublishingMetrics {

    private static final Logger log = LoggerFactory.getLogger(PublishingMetrics.class);

    private final PublishingOverview overview;
    private final PublishedStatus published;
    private final MultiGauge waiting;
    private final MultiGauge municipalities;
    private final MultiGauge stalled;

    PublishingMetrics(PublishingOverview overview, PublishedStatus published, MeterRegistry meters) {
        this.overview = overview;
        this.published = published;
        this.waiting = MultiGauge.builder("eojxds.publishing.waiting.series")
                .description("series not at the registry because of their municipality's publishing state")
                .register(meters);
        this.municipalities = MultiGauge.builder("eojxds.publishing.municipalities")
                .description("municipalities per publishing state").register(meters);
        this.stalled = MultiGauge.builder("eojxds.publishing.stalled").baseUnit("seconds")
                .description("time since a live municipality's last registration while its deliveries continue")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayAtStart() {
        try {
            PublishingOverview.Overview now = overview.now();
            Map<PublishingState, Long> byState = now.municipalitiesByState();
            if (now.rows().isEmpty()) {
                log.warn("Publishing: no municipality reference data loaded (POST /admin/reference/municipalities); "
                        + "nothing is registered until an operator sets a municipality live");
            } else {
                log.info("Publishing: {} municipalities live, {} pending, {} paused, {} withdrawn; {} series waiting "
                                + "(+{} whose SOR code is no municipality's). Nothing of a municipality that is not "
                                + "live is registered (POST /admin/publishing)", byState.get(PublishingState.LIVE),
                        byState.get(PublishingState.PENDING), byState.get(PublishingState.PAUSED),
                        byState.get(PublishingState.WITHDRAWN),
                        now.waitingByState().values().stream().mapToLong(Long::longValue).sum(),
                        now.waitingUnmapped());
            }
            refresh(now);
        } catch (RuntimeException e) {
            log.warn("Could not read the publishing states at start: {}", e.toString());
        }
    }

    // scheduled by PublishingSchedule
    void refresh() {
        try {
            refresh(overview.now());
        } catch (RuntimeException e) {
            // the gauges keep their last values
            log.warn("Could not read the publishing states for the gauges: {}", e.toString());
        }
    }

    private void refresh(PublishingOverview.Overview now) {
        try {
            List<MultiGauge.Row<?>> waitingRows = new ArrayList<>();
            now.waitingByState().forEach((state, series) -> waitingRows.add(MultiGauge.Row.of(Tags.of("state",
                    state.name()), series)));
            waitingRows.add(MultiGauge.Row.of(Tags.of("state", "UNMAPPED"), now.waitingUnmapped()));
            waiting.register(waitingRows, true);
            List<MultiGauge.Row<?>> stateRows = new ArrayList<>();
            now.municipalitiesByState().forEach((state, count) -> stateRows.add(MultiGauge.Row.of(Tags.of("state",
                    state.name()), count)));
            municipalities.register(stateRows, true);
            stalled.register(stalledRows(now), true);
        } catch (BadSqlGrammarException e) {
            // the other services create their schemas when they start; until then there is nothing to count
            log.info("Publishing gauges wait for the other services' schemas: {}", e.getMostSpecificCause().getMessage());
        } catch (RuntimeException e) {
            // the gauges keep their last values
            log.warn("Could not refresh the publishing gauges: {}", e.toString());
        }
    }

    private List<MultiGauge.Row<?>> stalledRows(PublishingOverview.Overview now) {
        List<PublishingOverview.Row> live = now.rows().stream()
                .filter(r -> r.state() == PublishingState.LIVE && r.sorCode() != null).toList();
        List<String> sorCodes = live.stream().map(PublishingOverview.Row::sorCode).distinct().toList();
        Map<String, Instant> arrived = new java.util.HashMap<>();
        for (PublishedStatus.Arrival a : published.arrivals(sorCodes)) {
            if (a.lastReceived() != null) {
                arrived.put(a.municipalitySor() + "/" + a.family(), a.lastReceived());
            }
        }
        Map<String, Instant> registered = published.lastRegistered(sorCodes);
        Instant at = Instant.now();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (PublishingOverview.Row r : live) {
            String key = r.sorCode() + "/" + r.family();
            rows.add(MultiGauge.Row.of(Tags.of("municipality", r.name(), "code", Integer.toString(r.code()),
                    "family", r.family()), stalledSeconds(arrived.get(key), registered.get(key), r.changedAt(), at)));
        }
        return rows;
    }

    /**
     * Seconds since the last registration (or since going live, if later) when something arrived
     * after it; 0 when nothing arrived since.
     */
    static long stalledSeconds(Instant lastArrival, Instant lastRegistration, Instant wentLive, Instant now) {
        Instant since = lastRegistration == null || (wentLive != null && wentLive.isAfter(lastRegistration))
                ? wentLive : lastRegistration;
        if (lastArrival == null || since == null || !lastArrival.isAfter(since)) {
            return 0;
        }
        return Math.max(0, Duration.between(since, now).toSeconds());
    }
}
