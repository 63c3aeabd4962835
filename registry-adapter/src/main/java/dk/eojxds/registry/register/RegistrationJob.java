package dk.eojxds.registry.register;

import dk.eojxds.model.DocumentMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.Optional;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
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
    private final RegistryClient registry;
    private final RegistryAnswers answers;
    private final TransactionTemplate transactions;
    private final RegistryProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    RegistrationJob(RegistrationOutbox outbox, SubmissionFactory submissions, RegistryClient registry,
                    RegistryAnswers answers, TransactionTemplate transactions, RegistryProperties properties,
                    MeterRegistry meters, Optional<Clock> clock) {
        this.answers = answers;
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
            switch (answers.judge(response, ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY)) {
                case DONE -> {
                    outbox.registered(document, submissionSetId);
                    outcome = "registered";
                    log.info("Registered document {} ({})", document.uniqueId(), document.family());
                }
                case RETRY -> {
                    outcome = "retry";
                    outbox.retryLater(document, submissionSetId, RegistryAnswers.describe(response),
                            answers.nextAttempt(pending.attempts()));
                    log.warn("Registry busy for document {}: {}", document.uniqueId(), RegistryAnswers.describe(response));
                }
                default -> {
                    outcome = "parked";
                    outbox.park(document, submissionSetId, RegistryAnswers.describe(response));
                    log.warn("Registry rejected document {}; parked: {}", document.uniqueId(),
                            RegistryAnswers.describe(response));
                }
            }
        } catch (RuntimeException e) {
            // Transport errors (connection refused, timeouts, SOAP faults) are transient.
            outcome = "retry";
            outbox.retryLater(document, submissionSetId, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    answers.nextAttempt(pending.attempts()));
            log.warn("Registering document {} failed; will retry: {}", document.uniqueId(), e.toString());
        }
        sample.stop(meters.timer("eojxds.registry.register", "family", document.family().name(), "outcome", outcome));
    }
}
