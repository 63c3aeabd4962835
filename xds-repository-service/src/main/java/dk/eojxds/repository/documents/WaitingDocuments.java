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
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final ChangeQueue changes;

    WaitingDocuments(JdbcClient jdbc, ChangeQueue changes, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.changes = changes;
        Gauge.builder("eojxds.repository.build.waiting.documents", this, WaitingDocuments::count).register(meters);
    }

    double count() {
        try {
            return jdbc.sql("SELECT count(*) FROM repository.build_failure WHERE reason LIKE ?")
                    .param(WaitingForReferenceData.REASON_PREFIX + "%").query(Long.class).single();
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
            List<SeriesKey> waiting = jdbc.sql("SELECT family, citizen_cpr, partition_key FROM repository.build_failure "
                            + "WHERE reason LIKE ?").param(WaitingForReferenceData.REASON_PREFIX + "%")
                    .query((rs, row) -> new SeriesKey(rs.getString(1), rs.getString(2), rs.getString(3))).list();
            int retaken = changes.requeue(waiting, Priority.BACKLOG);
            if (retaken > 0) {
                log.info("{} waiting documents taken again with the current reference data", retaken);
            }
        } catch (RuntimeException e) {
            log.warn("Could not take waiting documents again (ingest's schema not there yet?): {}", e.getMessage());
        }
    }
}
