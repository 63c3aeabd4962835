package dk.eojxds.registry.register;

import dk.eojxds.handover.Drain;
import dk.eojxds.handover.PendingRegistration;
import dk.eojxds.handover.RegistrationOutbox;
import dk.eojxds.model.DocumentMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Registers queued documents through the hand-over module's drain. A claimed batch goes as one
 * ITI-42 submission set per citizen (backlog is claimed citizen by citizen, so a set often carries
 * several documents), the submissions sent in parallel (up to
 * {@code parallel-requests}), each answer recorded in the batch's transaction: registered, retried
 * later, or parked. A submission set is all or nothing at the registry, so a refused set is sent
 * again document by document: one bad document never holds up its neighbours. A crash before the
 * commit leaves the documents queued; re-sending is harmless because the ids are derived from the
 * documents.
 */
@Component
class RegistrationJob {

    private static final Logger log = LoggerFactory.getLogger(RegistrationJob.class);

    private final RegistrationOutbox outbox;
    private final SubmissionFactory submissions;
    private final RegistryClient registry;
    private final RegistryAnswers answers;
    private final RegistryRequests requests;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Drain drain;
    private final StaleReplacements stale;

    RegistrationJob(RegistrationOutbox outbox, SubmissionFactory submissions, RegistryClient registry,
                    RegistryAnswers answers, RegistryRequests requests, PlatformTransactionManager transactions,
                    RegistryProperties properties, MeterRegistry meters, Optional<Clock> clock,
                    StaleReplacements stale) {
        this.answers = answers;
        this.stale = stale;
        this.outbox = outbox;
        this.submissions = submissions;
        this.registry = registry;
        this.requests = requests;
        this.meters = meters;
        this.clock = clock.orElse(Clock.systemUTC());
        this.drain = new Drain("registration", transactions, properties.batchSize(), properties.workers(), e -> false);
    }

    // scheduled by RegistrySchedule
    void sweep() {
        Drain.guarded(log, "Registering documents failed; they stay queued",
                () -> drain.run(outbox::claim, this::register));
    }

    private void register(List<PendingRegistration> batch, Drain.Items items) {
        Map<String, List<PendingRegistration>> sets = new LinkedHashMap<>();
        for (PendingRegistration pending : batch) {
            DocumentMetadata document = pending.metadata();
            sets.computeIfAbsent(document.patient().value(), k -> new ArrayList<>()).add(pending);
        }
        requests.sendAll(List.copyOf(sets.values()), this::outcomes, items);
    }

    // Runs on a request thread: sends, and answers what to record (no database work off the batch's thread).
    private Runnable outcomes(List<PendingRegistration> set) {
        List<DocumentMetadata> documents = set.stream().map(PendingRegistration::metadata).toList();
        String submissionSetId = SubmissionFactory.submissionSetUniqueId(documents);
        long started = System.nanoTime();
        try {
            Response response = registry.register(submissions.create(documents, clock.instant()));
            if (set.size() > 1 && response.getStatus() != Status.SUCCESS) {
                // all or nothing: find the document the registry refused by sending each on its own
                List<Runnable> single = set.stream().map(one -> outcomes(List.of(one))).toList();
                return () -> single.forEach(Runnable::run);
            }
            if (stale.applies(response, documents.get(0))) {
                // the registry knows newer versions of the series than our database (a restore)
                response = stale.registerAgainstTheRegistrysSeries(documents.get(0), clock.instant());
            }
            RegistryAnswers.Verdict verdict = answers.judge(response, ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY);
            timed(set, verdict.name().toLowerCase(), started);
            String answer = RegistryAnswers.describe(response);
            return () -> set.forEach(pending -> record(pending, submissionSetId, verdict, answer));
        } catch (RuntimeException e) {
            // transport errors (connection refused, timeouts, SOAP faults) are transient
            timed(set, "retry", started);
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Registering {} document(s) failed; will retry: {}", set.size(), e.toString());
            return () -> set.forEach(pending -> record(pending, submissionSetId, RegistryAnswers.Verdict.RETRY, error));
        }
    }

    private void record(PendingRegistration pending, String submissionSetId, RegistryAnswers.Verdict verdict, String answer) {
        DocumentMetadata document = pending.metadata();
        switch (verdict) {
            case DONE -> {
                outbox.registered(document, submissionSetId);
                log.info("Registered document {} ({})", document.uniqueId(), document.family());
            }
            case RETRY -> {
                outbox.retryLater(document, submissionSetId, answer, answers.nextAttempt(pending.attempts()));
                log.warn("Registry busy for document {}: {}", document.uniqueId(), answer);
            }
            default -> {
                outbox.park(document, submissionSetId, answer);
                log.warn("Registry rejected document {}; parked: {}", document.uniqueId(), answer);
            }
        }
    }

    private void timed(List<PendingRegistration> set, String outcome, long started) {
        long nanos = System.nanoTime() - started;
        for (PendingRegistration pending : set) {
            meters.timer("eojxds.registry.register", "family", pending.metadata().family().name(), "outcome",
                    outcome.equals("done") ? "registered" : outcome.equals("park") ? "parked" : outcome)
                    .record(nanos / set.size(), java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        meters.counter("eojxds.registry.submissions", "documents", set.size() == 1 ? "1" : "several").increment();
    }
}
