package dk.eojxds.repository.retrieve;

import dk.eojxds.repository.RepositoryProperties;
import dk.eojxds.repository.audit.AuditTrail;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.activation.DataHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openehealth.ipf.commons.ihe.xds.core.requests.DocumentReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocument;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers ITI-43 from the stored documents: every requested document that is found is returned
 * with its stored mimeType; every one that is not gets its own error, and the status says
 * whether all, some or none were found (IHE ITI TF-2b 3.43.4.2.3).
 */
@Service
class StoredDocumentIti43Service implements Iti43Service {

    private static final Logger log = LoggerFactory.getLogger(StoredDocumentIti43Service.class);

    private final StoredDocuments documents;
    private final RepositoryProperties properties;
    private final MeterRegistry meters;
    private final RetrieveAudit callers;

    StoredDocumentIti43Service(StoredDocuments documents, RepositoryProperties properties, MeterRegistry meters,
                               RetrieveAudit callers) {
        this.callers = callers;
        this.documents = documents;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public RetrievedDocumentSet retrieve(RetrieveDocumentSet request) {
        List<RetrievedDocument> found = new ArrayList<>();
        List<ErrorInfo> errors = new ArrayList<>();
        List<AuditTrail.AuditedDocument> audited = new ArrayList<>();
        for (DocumentReference reference : request.getDocuments()) {
            try {
                audited.add(lookUp(reference, found, errors));
            } catch (RuntimeException e) {
                // Never leak internals to the caller; the log keeps the cause.
                log.error("Retrieving document {} failed", reference.getDocumentUniqueId(), e);
                errors.add(new ErrorInfo(ErrorCode.REPOSITORY_ERROR, "The document could not be read",
                        Severity.ERROR, reference.getDocumentUniqueId(), null));
                audited.add(new AuditTrail.AuditedDocument(reference.getDocumentUniqueId(), "ERROR", null, null, null));
            }
        }
        if (request.getDocuments().isEmpty()) {
            errors.add(new ErrorInfo(ErrorCode.REPOSITORY_ERROR, "The request names no document (DocumentRequest)",
                    Severity.ERROR, null, null));
        }
        callers.record(audited);
        RetrievedDocumentSet response = new RetrievedDocumentSet();
        response.getDocuments().addAll(found);
        response.getErrors().addAll(errors);
        response.setStatus(errors.isEmpty() ? Status.SUCCESS : found.isEmpty() ? Status.FAILURE : Status.PARTIAL_SUCCESS);
        meters.counter("eojxds.repository.retrieve.documents", "outcome", "found").increment(found.size());
        meters.counter("eojxds.repository.retrieve.documents", "outcome", "error").increment(errors.size());
        return response;
    }

    private AuditTrail.AuditedDocument lookUp(DocumentReference reference, List<RetrievedDocument> found,
                                               List<ErrorInfo> errors) {
        AuditTrail.AuditedDocument notFound = new AuditTrail.AuditedDocument(reference.getDocumentUniqueId(),
                "NOT_FOUND", null, null, null);
        if (reference.getRepositoryUniqueId() == null || reference.getDocumentUniqueId() == null) {
            errors.add(new ErrorInfo(ErrorCode.REPOSITORY_ERROR, reference.getRepositoryUniqueId() == null
                    ? "The repository Unique ID is missing" : "The document Unique ID is missing", Severity.ERROR,
                    reference.getDocumentUniqueId(), null));
            return notFound;
        }
        if (!properties.uniqueId().equals(reference.getRepositoryUniqueId())) {
            errors.add(new ErrorInfo(ErrorCode.UNKNOWN_REPOSITORY_ID,
                    "Unknown repositoryUniqueId " + reference.getRepositoryUniqueId(), Severity.ERROR,
                    reference.getRepositoryUniqueId(), null));
            return notFound;
        }
        Optional<StoredDocuments.RetrievableDocument> document = documents.find(reference.getDocumentUniqueId());
        if (document.isEmpty()) {
            errors.add(new ErrorInfo(ErrorCode.DOCUMENT_UNIQUE_ID_ERROR,
                    "No document with uniqueId " + reference.getDocumentUniqueId(), Severity.ERROR,
                    reference.getDocumentUniqueId(), null));
            return notFound;
        }
        StoredDocuments.RetrievableDocument stored = document.get();
        DocumentReference answered = new DocumentReference(properties.uniqueId(), stored.uniqueId(),
                reference.getHomeCommunityId());
        DataHandler content = new DataHandler(stored);
        found.add(new RetrievedDocument(content, answered, null, null, stored.mimeType()));
        return new AuditTrail.AuditedDocument(stored.uniqueId(), "RETRIEVED", stored.family(), stored.citizenCpr(),
                stored.municipalitySor());
    }
}
