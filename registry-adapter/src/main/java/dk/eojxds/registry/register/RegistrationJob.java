package dk.eojxds.registry.register;

import dk.eojxds.model.DocumentMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers queued documents one by one: claim (row lock), send ITI-42, record the answer and
 * release the outbox row, in one transaction. A crash before the commit leaves the row queued;
 * re-sending is harmless because the submission's ids are derived from the document.
 */
@Component
class RegistrationJob {

    private static final Logger log = LoggerFactory.getLogger(RegistrationJob.class);

    private final RegistrationOutbox outbox;
    private final SubmissionFactory submissions;
    private final Iti42Client registry;
    private final TransactionTemplate transactions;
    private final RegistryProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    RegistrationJob(RegistrationOutbox outbox, SubmissionFactory submissions, Iti42Client registry,
                    TransactionTemplate transactions, RegistryProperties properties, MeterRegistry meters,
                    Optional<Clock> clock) {
        this.outbox = outbox;
        this.submissions = submissions;
        this.registry = registry;
        this.transactions = transactions;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Scheduled(fixedDelayString = "${eojxds.registry.poll-interval}", initialDelayString = "PT1S")
    void sweep() {
        for (int i = 0; i < properties.batchSize(); i++) {
            if (!registerNext()) {
                return;
            }
        }
    }

    boolean registerNext() {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            Optional<PendingRegistration> next = outbox.claimNext();
            next.ifPresent(this::register);
            return next.isPresent();
        }));
    }

    private void register(PendingRegistration pending) {
        DocumentMetadata document = pending.metadata();
        String submissionSetId = RegistrationOutbox.submissionSetUniqueId(document);
        Timer.Sample sample = Timer.start(meters);
        String outcome;
        try {
            Response response = registry.register(submissions.create(document, clock.instant()));
            if (response.getStatus() == Status.SUCCESS || alreadyRegistered(response)) {
                outbox.registered(document, submissionSetId);
                outcome = "registered";
                log.info("Registered document {} ({})", document.uniqueId(), document.family());
            } else if (transient_(response)) {
                outcome = "retry";
                outbox.retryLater(document, submissionSetId, describe(response), nextAttempt(pending.attempts()));
                log.warn("Registry busy for document {}: {}", document.uniqueId(), describe(response));
            } else {
                outcome = "parked";
                outbox.park(document, submissionSetId, describe(response));
                log.warn("Registry rejected document {}; parked: {}", document.uniqueId(), describe(response));
            }
        } catch (RuntimeException e) {
            // Transport errors (connection refused, timeouts, SOAP faults) are transient.
            outcome = "retry";
            outbox.retryLater(document, submissionSetId, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    nextAttempt(pending.attempts()));
            log.warn("Registering document {} failed; will retry: {}", document.uniqueId(), e.toString());
        }
        sample.stop(meters.timer("eojxds.registry.register", "family", document.family().name(), "outcome", outcome));
    }

    private static boolean alreadyRegistered(Response response) {
        return !response.getErrors().isEmpty() && response.getErrors().stream()
                .allMatch(e -> e.getErrorCode() == ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY);
    }

    private static boolean transient_(Response response) {
        return response.getErrors().stream().anyMatch(e -> e.getErrorCode() == ErrorCode.REGISTRY_BUSY
                || e.getErrorCode() == ErrorCode.REGISTRY_ERROR);
    }

    private static String describe(Response response) {
        return response.getStatus() + ": " + response.getErrors().stream()
                .map(RegistrationJob::describe).collect(Collectors.joining("; "));
    }

    private static String describe(ErrorInfo error) {
        String code = error.getErrorCode() == ErrorCode._USER_DEFINED ? error.getCustomErrorCode()
                : error.getErrorCode().toString();
        return code + " " + error.getCodeContext();
    }

    // Exponential backoff with jitter, so that many documents do not hit a recovering registry at once.
    private Instant nextAttempt(int attemptsBefore) {
        long base = properties.firstRetry().toMillis() << Math.min(attemptsBefore, 20);
        long capped = Math.min(base, properties.maxRetry().toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return clock.instant().plus(Duration.ofMillis(jittered));
    }
}
