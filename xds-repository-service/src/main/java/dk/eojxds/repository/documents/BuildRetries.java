package dk.eojxds.repository.documents;

import dk.eojxds.handover.ChangeQueue;
import dk.eojxds.handover.Priority;
import dk.eojxds.handover.SeriesKey;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tries transient build failures again when their backoff has passed: the series' change is made
 * pending again (live: a citizen's document is missing) in the same transaction that takes the
 * failure's retry time, so each is requeued once, by one instance.
 */
@Component
class BuildRetries {

    private static final Logger log = LoggerFactory.getLogger(BuildRetries.class);
    private static final int BATCH = 100;

    private final BuildFailures failures;
    private final ChangeQueue changes;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;

    BuildRetries(BuildFailures failures, ChangeQueue changes, PlatformTransactionManager transactions,
                 MeterRegistry meters) {
        this.failures = failures;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
        this.meters = meters;
    }

    // scheduled by BuildSchedule
    void sweep() {
        try {
            retryDue();
        } catch (RuntimeException e) {
            log.warn("Could not requeue transient build failures; next sweep tries again: {}", e.getMessage());
        }
    }

    /** Requeues every transient failure that is due; answers how many. */
    int retryDue() {
        int total = 0;
        while (true) {
            Integer requeued = transaction.execute(status -> {
                List<SeriesKey> due = failures.takeDue(BATCH);
                if (!due.isEmpty()) {
                    changes.requeue(due, Priority.LIVE);
                }
                return due.size();
            });
            total += requeued;
            if (requeued < BATCH) {
                break;
            }
        }
        if (total > 0) {
            meters.counter("eojxds.repository.build.retries").increment(total);
            log.info("{} document(s) whose build failed transiently taken again", total);
        }
        return total;
    }
}
