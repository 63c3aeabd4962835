package dk.eojxds.registry.register;

import dk.eojxds.handover.DeprecationOutbox;
import dk.eojxds.handover.Drain;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Deprecates withdrawn documents with ITI-57 Update Document Set ({@link DeprecationFactory}). The
 * same claim, retry and park rules as registration; "already deprecated" counts as done.
 */
@Component
class DeprecationJob {

    private static final Logger log = LoggerFactory.getLogger(DeprecationJob.class);

    private final DeprecationOutbox outbox;
    private final RegistryClient registry;
    private final RegistryAnswers answers;
    private final RegistryRequests requests;
    private final MeterRegistry meters;
    private final Drain drain;
    private final SeriesInRegistry series;
    private final DeprecationFactory factory;

    DeprecationJob(DeprecationOutbox outbox, RegistryClient registry, RegistryAnswers answers,
                   RegistryRequests requests, PlatformTransactionManager transactions, RegistryProperties properties,
                   MeterRegistry meters, DeprecationFactory factory, SeriesInRegistry series) {
        this.outbox = outbox;
        this.series = series;
        this.registry = registry;
        this.answers = answers;
        this.requests = requests;
        this.meters = meters;
        this.factory = factory;
        this.drain = transactions == null ? null
                : new Drain("deprecation", transactions, properties.batchSize(), properties.workers(), e -> false);
    }

    // scheduled by RegistrySchedule
    void sweep() {
        Drain.guarded(log, "Deprecating documents failed; they stay queued",
                () -> drain.run(outbox::claim, (batch, items) -> requests.sendAll(batch, this::deprecate, items)));
    }

    private Runnable deprecate(DeprecationOutbox.PendingDeprecation item) {
        String submissionSetId = DeprecationFactory.submissionSetUniqueId(item.uniqueId());
        try {
            Response response = registry.update(factory.request(item));
            if (alreadyDeprecated(response) && series != null && series.canAsk()) {
                response = newerVersion(item).map(this::deprecateNewer).orElse(response);
            }
            String answer = RegistryAnswers.describe(response);
            return switch (answers.judge(response, ErrorCode.REGISTRY_DEPRECATED_DOCUMENT_ERROR)) {
                case DONE -> () -> {
                    outbox.deprecated(item, submissionSetId);
                    count("deprecated");
                    log.info("Deprecated document {}: {}", item.uniqueId(), item.reason());
                };
                case RETRY -> () -> {
                    outbox.retryLater(item, submissionSetId, answer, answers.nextAttempt(item.attempts()));
                    count("retry");
                };
                default -> () -> {
                    outbox.park(item, submissionSetId, answer);
                    count("parked");
                    log.warn("Registry refused to deprecate {}; parked: {}", item.uniqueId(), answer);
                };
            };
        } catch (RuntimeException e) {
            log.warn("Deprecating document {} failed; will retry: {}", item.uniqueId(), e.toString());
            return () -> {
                outbox.retryLater(item, submissionSetId, e.getClass().getSimpleName() + ": " + e.getMessage(),
                        answers.nextAttempt(item.attempts()));
                count("retry");
            };
        }
    }

    private static boolean alreadyDeprecated(Response response) {
        return response.getStatus() != Status.SUCCESS && !response.getErrors().isEmpty() && response.getErrors().stream()
                .allMatch(e -> e.getErrorCode() == ErrorCode.REGISTRY_DEPRECATED_DOCUMENT_ERROR);
    }

    /**
     * A withdrawn document the registry already saw replaced (it knows versions our database does
     * not: a restore): the withdrawal is of the series, so the registry's current version goes.
     */
    private Optional<DeprecationOutbox.PendingDeprecation> newerVersion(DeprecationOutbox.PendingDeprecation item) {
        return series.currentVersionAfter(item.entryUuid()).map(newer -> new DeprecationOutbox.PendingDeprecation(
                newer.getUniqueId(), newer.getEntryUuid(), item.patient(), item.homeCommunityId(), item.reason(),
                item.attempts()));
    }

    private Response deprecateNewer(DeprecationOutbox.PendingDeprecation newer) {
        log.info("The registry already replaced the withdrawn document; deprecating its current version {}",
                newer.uniqueId());
        return registry.update(factory.request(newer));
    }

    private void count(String outcome) {
        meters.counter("eojxds.registry.deprecate", "outcome", outcome).increment();
    }
}
