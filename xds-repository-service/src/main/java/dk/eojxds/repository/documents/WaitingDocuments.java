package dk.eojxds.repository.documents;

import dk.eojxds.handover.ChangeQueue;
import dk.eojxds.handover.Priority;
import dk.eojxds.handover.SeriesKey;
import java.util.List;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Documents that wait for reference data (a questionnaire not yet in K-PRO's catalogue): counted
 * in the gauge {@code eojxds.repository.build.waiting.documents} and in health (component
 * {@code waitingDocuments}, UP with the count: waiting is not an outage), listed by
 * {@code GET /admin/build-failures} with the reason "Waiting: …", and taken again at every start,
 * which is when a changed catalogue takes effect.
 */
@Component("waitingDocuments")
class WaitingDocuments implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(WaitingDocuments.class);

    private final BuildFailures failures;
    private final ChangeQueue changes;

    WaitingDocuments(BuildFailures failures, ChangeQueue changes, MeterRegistry meters) {
        this.failures = failures;
        this.changes = changes;
        Gauge.builder("eojxds.repository.build.waiting.documents", this, WaitingDocuments::count).register(meters);
    }

    double count() {
        try {
            return failures.count(BuildFailureKind.WAITING);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public Health health() {
        return Health.up().withDetail("waiting", (long) count()).build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void retakeAtStart() {
        try {
            List<SeriesKey> waiting = failures.series(BuildFailureKind.WAITING);
            int retaken = changes.requeue(waiting, Priority.BACKLOG);
            if (retaken > 0) {
                log.info("{} waiting documents taken again with the current reference data", retaken);
            }
        } catch (RuntimeException e) {
            log.warn("Could not take waiting documents again (ingest's schema not there yet?): {}", e.getMessage());
        }
    }
}
