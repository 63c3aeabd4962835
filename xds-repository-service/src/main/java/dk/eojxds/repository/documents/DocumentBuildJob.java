package dk.eojxds.repository.documents;

import dk.eojxds.model.Cpr;
import dk.eojxds.repository.RepositoryProperties;
import dk.eojxds.handover.Change;
import dk.eojxds.handover.ChangeQueue;
import dk.eojxds.handover.Drain;
import dk.eojxds.handover.Priority;
import dk.eojxds.handover.SeriesKey;
import dk.eojxds.repository.citizen.CitizenDirectory;
import dk.eojxds.repository.citizen.CitizenLookupUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Turns pending changes into documents through the hand-over module's drain: batches of changes
 * claimed in one transaction (live before backlog), on {@code build-workers} threads; each change
 * in a savepoint of its own is decided (store, unchanged, withdraw), stored with its outbox row
 * and completed. A change that cannot be built is recorded ({@link BuildFailures}) with the reason
 * and its kind and does not hold up its batch: bad data or a document that fails its checks waits
 * for an operator or the series' next change; a failure not about the document (a library error, a
 * timeout) is tried again with backoff ({@link BuildRetries}); see {@link BuildFailureKind}.
 * While the CPR lookup is down the drain stops: what was built is kept, the rest stays pending.
 */
@Component
class DocumentBuildJob {

    private static final Logger log = LoggerFactory.getLogger(DocumentBuildJob.class);

    private final ChangeQueue changes;
    private final Map<String, FamilyDocuments> families;
    private final DocumentStore documents;
    private final BuildFailures failures;
    private final DocumentChecks checks;
    private final MeterRegistry meters;
    private final Drain drain;
    private final CitizenDirectory citizens;
    private volatile boolean waitingForIngest;
    private volatile boolean waitingForCprLookup;

    DocumentBuildJob(ChangeQueue changes, List<FamilyDocuments> families, DocumentStore documents,
                     BuildFailures failures, DocumentChecks checks, CitizenDirectory citizens,
                     PlatformTransactionManager transactions, RepositoryProperties properties, MeterRegistry meters) {
        this.failures = failures;
        this.citizens = citizens;
        this.checks = checks;
        this.changes = changes;
        this.families = families.stream().collect(Collectors.toMap(FamilyDocuments::family, Function.identity()));
        this.documents = documents;
        this.meters = meters;
        this.drain = new Drain("document-build", transactions, properties.buildBatchSize(), properties.buildWorkers(),
                e -> e instanceof CitizenLookupUnavailable);
    }

    // scheduled by BuildSchedule
    void sweep() {
        Drain.guarded(log, "Building documents failed; the changes stay pending", this::drain);
    }

    /** Builds every pending change there is; answers how many changes were claimed. */
    int drain() {
        try {
            int claimed = drain.run(max -> changes.claim(families.keySet(), max), (batch, items) -> {
                // the batch's citizens asked about together: the batch waits for one answer, not one per change
                citizens.prefetch(batch.stream().map(change -> Cpr.of(change.series().citizenCpr())).distinct().toList());
                items.each(batch, this::buildAndComplete, this::recordFailure);
            });
            waitingForIngest = false;
            if (claimed > 0) {
                waitingForCprLookup = false;
            }
            return claimed;
        } catch (Drain.Halted e) {
            // nothing is lost: the changes not built stay pending and are taken again
            meters.counter("eojxds.repository.build.waiting", "reason", "cpr-lookup").increment();
            if (!waitingForCprLookup) {
                log.warn("Documents wait for the CPR lookup: {}", e.getMessage());
                waitingForCprLookup = true;
            }
            return 0;
        } catch (org.springframework.jdbc.BadSqlGrammarException e) {
            // ingest-service creates its schema when it starts; until then there is nothing to build
            if (!waitingForIngest) {
                log.warn("Waiting for ingest-service's schema (ingest.change): {}", e.getMostSpecificCause().getMessage());
                waitingForIngest = true;
            }
            return 0;
        }
    }

    private void buildAndComplete(Change change) {
        build(change.series(), change.priority());
        failures.clear(change.series());
        changes.complete(List.of(change));
    }

    private void build(SeriesKey change, Priority priority) {
        Timer.Sample sample = Timer.start(meters);
        Optional<DocumentStore.CurrentDocument> current = documents.current(change);
        FamilyDocuments.BuildDecision decision = families.get(change.family()).decide(change, current);
        String outcome;
        Cpr citizen = Cpr.of(change.citizenCpr());
        if (decision instanceof FamilyDocuments.Store store) {
            NewDocument document = store.document();
            checks.verify(document);
            documents.storeReplacing(document, document.metadata().replacesUniqueId(), priority);
            outcome = current.isPresent() ? "replaced" : "created";
            log.info("Stored {} document {} for {} {} ({} bytes)", change.family(), document.metadata().uniqueId(),
                    citizen, change.partitionKey(), document.metadata().size());
        } else if (decision instanceof FamilyDocuments.Restart restart) {
            current.ifPresent(document -> documents.withdraw(document.uniqueId(), restart.reason()));
            // what was purged must not stay retrievable in the documents built from it (the withdrawn
            // one and those it replaced), though IHE keeps deprecated documents retrievable otherwise
            int erased = documents.erasePurged(change);
            if (restart.document() != null) {
                checks.verify(restart.document());
                documents.storeReplacing(restart.document(), null, priority);
            }
            outcome = "restarted";
            log.info("Withdrew {} document {} for {} {} ({}; {} document(s) of the series erased), new series {}",
                    change.family(), current.map(DocumentStore.CurrentDocument::uniqueId).orElse("-"), citizen,
                    change.partitionKey(), restart.reason(), erased,
                    restart.document() == null ? "-" : restart.document().metadata().uniqueId());
        } else if (decision instanceof FamilyDocuments.Withdraw withdraw && current.isPresent()) {
            documents.withdraw(current.get().uniqueId(), withdraw.reason());
            outcome = "withdrawn";
            log.info("Withdrew {} document {} for {} {}: {}", change.family(), current.get().uniqueId(), citizen,
                    change.partitionKey(), withdraw.reason());
        } else {
            outcome = "unchanged";
        }
        sample.stop(meters.timer("eojxds.repository.build", "family", change.family(), "outcome", outcome));
    }

    private void recordFailure(Change change, RuntimeException cause) {
        SeriesKey series = change.series();
        BuildFailureKind kind = BuildFailureKind.of(cause);
        String reason = kind == BuildFailureKind.WAITING ? WaitingForReferenceData.REASON_PREFIX + cause.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        // the change is still claimed by this batch: only the attempt was rolled back
        int attempts = failures.record(change, kind, reason);
        changes.complete(List.of(change));
        Cpr citizen = Cpr.of(series.citizenCpr());
        switch (kind) {
            case WAITING -> {
                log.warn("The {} document for {} {} waits: {}", series.family(), citizen, series.partitionKey(),
                        cause.getMessage());
                meters.counter("eojxds.repository.build.waiting", "reason", "reference-data").increment();
            }
            case DATA -> log.error("Building the {} document for {} {} failed on its data; it waits for an operator "
                    + "or the next change", series.family(), citizen, series.partitionKey(), cause);
            case TRANSIENT -> log.error("Building the {} document for {} {} failed (attempt {}, not about the "
                    + "document: tried again with backoff)", series.family(), citizen, series.partitionKey(), attempts,
                    cause);
        }
        if (kind != BuildFailureKind.WAITING) {
            meters.counter("eojxds.repository.build.failures", "family", series.family(), "kind", kind.name())
                    .increment();
        }
    }
}
