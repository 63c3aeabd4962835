package dk.eojxds.repository.build;

import dk.eojxds.model.Cpr;
import dk.eojxds.repository.RepositoryProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns pending changes into documents. Each change is claimed, built, stored (with its outbox
 * row) and marked processed in one transaction: after a crash it is simply claimed again. A
 * change that cannot be built is recorded in {@code repository.build_failure} and does not block
 * the others.
 */
@Component
class DocumentBuildJob {

    private static final Logger log = LoggerFactory.getLogger(DocumentBuildJob.class);

    private final ChangeQueue changes;
    private final TelmaSource telma;
    private final TelmaDocumentFactory factory;
    private final DocumentStore documents;
    private final TransactionTemplate transactions;
    private final RepositoryProperties properties;
    private final MeterRegistry meters;

    DocumentBuildJob(ChangeQueue changes, TelmaSource telma, TelmaDocumentFactory factory, DocumentStore documents,
                     TransactionTemplate transactions, RepositoryProperties properties, MeterRegistry meters) {
        this.changes = changes;
        this.telma = telma;
        this.factory = factory;
        this.documents = documents;
        this.transactions = transactions;
        this.properties = properties;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${eojxds.repository.build-interval}", initialDelayString = "PT1S")
    void sweep() {
        int built;
        do {
            built = 0;
            for (int i = 0; i < properties.buildBatchSize(); i++) {
                if (!buildNext()) {
                    return;
                }
                built++;
            }
        } while (built > 0);
    }

    /** Builds the document of the next pending change; false when there is none. */
    boolean buildNext() {
        ClaimedChange[] attempted = new ClaimedChange[1];
        try {
            Boolean found = transactions.execute(tx -> {
                Optional<ClaimedChange> next = changes.claimNext("TELMA");
                next.ifPresent(change -> {
                    attempted[0] = change;
                    build(change);
                    documents.clearBuildFailure(change);
                    changes.markProcessed(change);
                });
                return next.isPresent();
            });
            return Boolean.TRUE.equals(found);
        } catch (RuntimeException e) {
            if (attempted[0] == null) {
                throw e;
            }
            recordFailure(attempted[0], e);
            return true;
        }
    }

    private void build(ClaimedChange change) {
        Timer.Sample sample = Timer.start(meters);
        String outcome;
        Cpr citizen = Cpr.of(change.citizenCpr());
        Optional<MeasurementDay> day = telma.load(citizen, LocalDate.parse(change.partitionKey()));
        if (day.isEmpty()) {
            // Every measurement of the day was withdrawn; deprecating the document is left to
            // the registration life cycle (ITI-57), which is not built yet.
            outcome = "empty";
        } else {
            Optional<DocumentStore.CurrentDocument> current = documents.current(change);
            String fingerprint = TelmaDocumentFactory.fingerprint(day.get());
            if (current.isPresent() && current.get().sourceFingerprint().equals(fingerprint)) {
                outcome = "unchanged";
            } else {
                NewDocument document = factory.create(day.get(), current.map(DocumentStore.CurrentDocument::uniqueId)
                        .orElse(null));
                documents.storeReplacing(document, document.metadata().replacesUniqueId());
                outcome = current.isPresent() ? "replaced" : "created";
                log.info("Stored {} document {} for {} {} ({} bytes)", change.family(),
                        document.metadata().uniqueId(), citizen, change.partitionKey(), document.metadata().size());
            }
        }
        sample.stop(meters.timer("eojxds.repository.build", "family", change.family(), "outcome", outcome));
    }

    private void recordFailure(ClaimedChange change, RuntimeException cause) {
        log.error("Building the {} document for {} {} failed", change.family(), Cpr.of(change.citizenCpr()),
                change.partitionKey(), cause);
        meters.counter("eojxds.repository.build.failures", "family", change.family()).increment();
        transactions.executeWithoutResult(tx -> changes.claim(change).ifPresent(claimed -> {
            documents.recordBuildFailure(claimed, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            changes.markProcessed(claimed);
        }));
    }
}
