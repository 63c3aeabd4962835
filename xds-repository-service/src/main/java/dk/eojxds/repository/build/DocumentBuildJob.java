package dk.eojxds.repository.build;

import dk.eojxds.model.Cpr;
import dk.eojxds.repository.RepositoryProperties;
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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns pending changes into documents. Each change is claimed, its document decided (store,
 * unchanged, withdraw), stored with its outbox row, and the change marked processed, in one
 * transaction: after a crash it is simply claimed again. A change that cannot be built (bad data,
 * a document that fails its checks) is recorded in {@code repository.build_failure} with the
 * reason and does not block the others.
 */
@Component
class DocumentBuildJob {

    private static final Logger log = LoggerFactory.getLogger(DocumentBuildJob.class);

    private final ChangeQueue changes;
    private final Map<String, FamilyDocuments> families;
    private final DocumentStore documents;
    private final DocumentChecks checks;
    private final TransactionTemplate transactions;
    private final RepositoryProperties properties;
    private final MeterRegistry meters;
    private volatile boolean waitingForIngest;
    private volatile boolean waitingForCprLookup;

    DocumentBuildJob(ChangeQueue changes, List<FamilyDocuments> families, DocumentStore documents,
                     DocumentChecks checks, TransactionTemplate transactions, RepositoryProperties properties,
                     MeterRegistry meters) {
        this.checks = checks;
        this.changes = changes;
        this.families = families.stream().collect(Collectors.toMap(FamilyDocuments::family, Function.identity()));
        this.documents = documents;
        this.transactions = transactions;
        this.properties = properties;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${eojxds.repository.build-interval}", initialDelayString = "PT1S")
    void sweep() {
        for (int i = 0; i < properties.buildBatchSize(); i++) {
            if (!buildNext()) {
                return;
            }
        }
    }

    /** Builds the document of the next pending change; false when there is none. */
    boolean buildNext() {
        ClaimedChange[] attempted = new ClaimedChange[1];
        try {
            Boolean found = transactions.execute(tx -> {
                Optional<ClaimedChange> next = changes.claimNext(families.keySet());
                next.ifPresent(change -> {
                    attempted[0] = change;
                    build(change);
                    waitingForCprLookup = false;
                    documents.clearBuildFailure(change);
                    changes.markProcessed(change);
                });
                return next.isPresent();
            });
            return Boolean.TRUE.equals(found);
        } catch (org.springframework.jdbc.BadSqlGrammarException e) {
            if (attempted[0] != null) {
                recordFailure(attempted[0], e);
                return true;
            }
            // ingest-service creates its schema when it starts; until then there is nothing to build
            if (!waitingForIngest) {
                log.warn("Waiting for ingest-service's schema (ingest.change): {}", e.getMostSpecificCause().getMessage());
                waitingForIngest = true;
            }
            return false;
        } catch (CitizenLookupUnavailable e) {
            // nothing is lost: the change stays pending (the transaction rolled back) and is taken again
            meters.counter("eojxds.repository.build.waiting", "reason", "cpr-lookup").increment();
            if (!waitingForCprLookup) {
                log.warn("Documents wait for the CPR lookup: {}", e.getMessage());
                waitingForCprLookup = true;
            }
            return false;
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
        Optional<DocumentStore.CurrentDocument> current = documents.current(change);
        FamilyDocuments.BuildDecision decision = families.get(change.family()).decide(change, current);
        String outcome;
        Cpr citizen = Cpr.of(change.citizenCpr());
        if (decision instanceof FamilyDocuments.Store store) {
            NewDocument document = store.document();
            checks.verify(document);
            documents.storeReplacing(document, document.metadata().replacesUniqueId());
            outcome = current.isPresent() ? "replaced" : "created";
            log.info("Stored {} document {} for {} {} ({} bytes)", change.family(), document.metadata().uniqueId(),
                    citizen, change.partitionKey(), document.metadata().size());
        } else if (decision instanceof FamilyDocuments.Restart restart) {
            current.ifPresent(document -> documents.withdraw(document.uniqueId(), restart.reason()));
            if (restart.document() != null) {
                checks.verify(restart.document());
                documents.storeReplacing(restart.document(), null);
            }
            outcome = "restarted";
            log.info("Withdrew {} document {} for {} {} ({}), new series {}", change.family(),
                    current.map(DocumentStore.CurrentDocument::uniqueId).orElse("-"), citizen, change.partitionKey(),
                    restart.reason(), restart.document() == null ? "-" : restart.document().metadata().uniqueId());
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

    private void recordFailure(ClaimedChange change, RuntimeException cause) {
        String reason;
        if (cause instanceof WaitingForReferenceData) {
            reason = WaitingForReferenceData.REASON_PREFIX + cause.getMessage();
            log.warn("The {} document for {} {} waits: {}", change.family(), Cpr.of(change.citizenCpr()),
                    change.partitionKey(), cause.getMessage());
            meters.counter("eojxds.repository.build.waiting", "reason", "reference-data").increment();
        } else {
            reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            log.error("Building the {} document for {} {} failed", change.family(), Cpr.of(change.citizenCpr()),
                    change.partitionKey(), cause);
            meters.counter("eojxds.repository.build.failures", "family", change.family()).increment();
        }
        transactions.executeWithoutResult(tx -> changes.claim(change).ifPresent(claimed -> {
            documents.recordBuildFailure(claimed, reason);
            changes.markProcessed(claimed);
        }));
    }
}
