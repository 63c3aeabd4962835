package dk.eojxds.registry.register;

import dk.eojxds.handover.DeprecationOutbox;
import dk.eojxds.handover.Drain;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DeterministicIds;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Author;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.SubmissionSet;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Timestamp;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Deprecates withdrawn documents with ITI-57 Update Document Set: a SubmissionSet and one
 * UpdateAvailabilityStatus association (Approved to Deprecated) on the document's entryUUID. The
 * same claim, retry and park rules as registration; "already deprecated" counts as done.
 */
@Component
class DeprecationJob {

    private static final Logger log = LoggerFactory.getLogger(DeprecationJob.class);

    private final DeprecationOutbox outbox;
    private final RegistryClient registry;
    private final RegistryAnswers answers;
    private final RegistryRequests requests;
    private final RegistryProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Drain drain;
    private final SeriesInRegistry series;

    DeprecationJob(DeprecationOutbox outbox, RegistryClient registry, RegistryAnswers answers,
                   RegistryRequests requests, PlatformTransactionManager transactions, RegistryProperties properties,
                   MeterRegistry meters, Optional<Clock> clock, SeriesInRegistry series) {
        this.outbox = outbox;
        this.series = series;
        this.registry = registry;
        this.answers = answers;
        this.requests = requests;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock.orElse(Clock.systemUTC());
        this.drain = transactions == null ? null
                : new Drain("deprecation", transactions, properties.batchSize(), properties.workers(), e -> false);
    }

    @Scheduled(fixedDelayString = "${eojxds.registry.poll-interval}", initialDelayString = "PT1S")
    void sweep() {
        try {
            drain.run(outbox::claim, (batch, items) -> requests.sendAll(batch, this::deprecate, items));
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                log.info("Stopped while draining (shutting down); nothing claimed is lost: {}", e.getMessage());
            } else {
                log.error("Deprecating documents failed; they stay queued", e);
            }
        }
    }

    private Runnable deprecate(DeprecationOutbox.PendingDeprecation item) {
        String submissionSetId = submissionSetUniqueId(item.uniqueId());
        try {
            Response response = registry.update(request(item));
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
        return registry.update(request(newer));
    }

    private void count(String outcome) {
        meters.counter("eojxds.registry.deprecate", "outcome", outcome).increment();
    }

    static String submissionSetUniqueId(String documentUniqueId) {
        return DeterministicIds.oid(DeterministicIds.uuid("deprecationSubmissionSet", documentUniqueId));
    }

    RegisterDocumentSet request(DeprecationOutbox.PendingDeprecation item) {
        Identifiable patient = new Identifiable(item.patient().value(), new AssigningAuthority(Cpr.OID));
        SubmissionSet submissionSet = new SubmissionSet();
        submissionSet.setEntryUuid("urn:uuid:" + DeterministicIds.uuid("deprecationSubmissionSetEntry", item.uniqueId()));
        submissionSet.setUniqueId(submissionSetUniqueId(item.uniqueId()));
        submissionSet.setSourceId(properties.sourceId());
        submissionSet.setPatientId(patient);
        submissionSet.setSubmissionTime(new Timestamp(clock.instant().atZone(ZoneOffset.UTC), Timestamp.Precision.SECOND));
        submissionSet.setContentTypeCode(new Code("001", new LocalizedString("Klinisk rapport", "da-DK", "UTF-8"),
                "1.2.208.184.100.9"));
        submissionSet.setTitle(new LocalizedString("Tilbagekaldt: " + item.reason(), "da-DK", "UTF-8"));
        Author author = new Author();
        author.getAuthorInstitution().add(new org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization(
                "EOJ-XDS", properties.sourceId(), new AssigningAuthority(properties.sourceId())));
        submissionSet.setAuthor(author);
        submissionSet.setAvailabilityStatus(AvailabilityStatus.APPROVED);
        submissionSet.setHomeCommunityId(item.homeCommunityId());
        Association update = new Association(AssociationType.UPDATE_AVAILABILITY_STATUS,
                "urn:uuid:" + DeterministicIds.uuid("deprecate", item.uniqueId()), submissionSet.getEntryUuid(),
                item.entryUuid());
        update.setOriginalStatus(AvailabilityStatus.APPROVED);
        update.setNewStatus(AvailabilityStatus.DEPRECATED);
        RegisterDocumentSet request = new RegisterDocumentSet();
        request.setSubmissionSet(submissionSet);
        request.getAssociations().add(update);
        return request;
    }
}
