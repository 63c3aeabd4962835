package dk.eojxds.registry.register;

import dk.eojxds.model.DeterministicIds;
import dk.eojxds.model.DocumentMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A new version whose predecessor the registry already saw replaced: after a restore to a point
 * in time, our database rebuilds a series from the restore point while the registry holds the
 * versions built before the loss, so the replacement (RPLC) of the version our database calls
 * current is refused (XDSRegistryDeprecatedDocumentError: only an Approved document can be
 * replaced, ITI TF-3 4.2.2.2). The new version then replaces the registry's current version of
 * the series instead, or none when the registry's series ends withdrawn; the registry shows one
 * current version either way, never two.
 */
@Component
class StaleReplacements {

    private static final Logger log = LoggerFactory.getLogger(StaleReplacements.class);

    private final SeriesInRegistry series;
    private final SubmissionFactory submissions;
    private final RegistryClient registry;

    StaleReplacements(SeriesInRegistry series, SubmissionFactory submissions, RegistryClient registry) {
        this.series = series;
        this.submissions = submissions;
        this.registry = registry;
    }

    /** Whether the registry refused the document only because the version it replaces is no longer current there. */
    boolean applies(Response response, DocumentMetadata document) {
        return series.canAsk() && document.replacesUniqueId() != null && response.getStatus() != Status.SUCCESS
                && !response.getErrors().isEmpty() && response.getErrors().stream()
                .allMatch(e -> e.getErrorCode() == ErrorCode.REGISTRY_DEPRECATED_DOCUMENT_ERROR);
    }

    /** Registers the document as the replacement of the registry's current version of its series. */
    Response registerAgainstTheRegistrysSeries(DocumentMetadata document, Instant now) {
        Optional<DocumentEntry> current = series.currentVersionAfter(DeterministicIds.entryUuid(document.replacesUniqueId()));
        current.filter(e -> !e.getEntryUuid().equals(DeterministicIds.entryUuid(e.getUniqueId()))).ifPresent(e -> {
            throw new SeriesInRegistry.RegistryQueryException("the registry's current version " + e.getUniqueId()
                    + " of the series was not registered by this repository");
        });
        String replaces = current.map(DocumentEntry::getUniqueId).orElse(null);
        log.info("The registry already replaced {} (it knows versions our database does not: a restore?); "
                + "document {} replaces {} instead", document.replacesUniqueId(), document.uniqueId(),
                replaces == null ? "nothing (the series was withdrawn there)" : replaces);
        return registry.register(submissions.create(List.of(document.replacing(replaces)), now));
    }
}
