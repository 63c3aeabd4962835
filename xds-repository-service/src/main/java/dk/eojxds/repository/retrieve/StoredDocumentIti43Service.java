package dk.eojxds.repository.retrieve;

import dk.eojxds.repository.RepositoryProperties;
import dk.eojxds.repository.audit.AuditTrail;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.activation.DataHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final AuditTrail audit;

    StoredDocumentIti43Service(StoredDocuments documents, RepositoryProperties properties, MeterRegistry meters,
                               AuditTrail audit) {
        this.audit = audit;
        this.documents = documents;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public RetrievedDocumentSet retrieve(RetrieveDocumentSet request, AuditTrail.Retrieval retrieval) {
        List<ErrorInfo> errors = new ArrayList<>();
        List<AuditTrail.AuditedDocument> audited = new ArrayList<>();
        List<DocumentReference> lookUps = new ArrayList<>();
        for (DocumentReference reference : request.getDocuments()) {
            ErrorInfo refused = check(reference);
            if (refused == null) {
                lookUps.add(reference);
            } else {
                errors.add(refused);
                audited.add(new AuditTrail.AuditedDocument(reference.getDocumentUniqueId(), "NOT_FOUND", null,
                        null, null));
            }
        }
        if (request.getDocuments().isEmpty()) {
            errors.add(new ErrorInfo(ErrorCode.REPOSITORY_ERROR, "The request names no document (DocumentRequest)",
                    Severity.ERROR, null, null));
        }
        List<RetrievedDocument> found = new ArrayList<>();
        if (!lookUps.isEmpty()) {
            lookUp(lookUps, found, errors, audited);
        }
        // no answer leaves without its audit rows: this returns once they are committed
        audit.retrieved(retrieval, audited);
        RetrievedDocumentSet response = new RetrievedDocumentSet();
        response.getDocuments().addAll(found);
        response.getErrors().addAll(errors);
        response.setStatus(errors.isEmpty() ? Status.SUCCESS : found.isEmpty() ? Status.FAILURE : Status.PARTIAL_SUCCESS);
        meters.counter("eojxds.repository.retrieve.documents", "outcome", "found").increment(found.size());
        meters.counter("eojxds.repository.retrieve.documents", "outcome", "error").increment(errors.size());
        return response;
    }

    // what is wrong with a reference before anything is looked up, or null
    private ErrorInfo check(DocumentReference reference) {
        if (reference.getRepositoryUniqueId() == null || reference.getDocumentUniqueId() == null) {
            return new ErrorInfo(ErrorCode.REPOSITORY_ERROR, reference.getRepositoryUniqueId() == null
                    ? "The repository Unique ID is missing" : "The document Unique ID is missing", Severity.ERROR,
                    reference.getDocumentUniqueId(), null);
        }
        if (!properties.uniqueId().equals(reference.getRepositoryUniqueId())) {
            return new ErrorInfo(ErrorCode.UNKNOWN_REPOSITORY_ID,
                    "Unknown repositoryUniqueId " + reference.getRepositoryUniqueId(), Severity.ERROR,
                    reference.getRepositoryUniqueId(), null);
        }
        return null;
    }

    private void lookUp(List<DocumentReference> references, List<RetrievedDocument> found, List<ErrorInfo> errors,
                        List<AuditTrail.AuditedDocument> audited) {
        Map<String, StoredDocuments.RetrievableDocument> stored;
        try {
            stored = documents.find(references.stream().map(DocumentReference::getDocumentUniqueId).toList());
        } catch (RuntimeException e) {
            // Never leak internals to the caller; the log keeps the cause.
            log.error("Looking up documents {} failed", references.stream()
                    .map(DocumentReference::getDocumentUniqueId).toList(), e);
            for (DocumentReference reference : references) {
                errors.add(new ErrorInfo(ErrorCode.REPOSITORY_ERROR, "The document could not be read",
                        Severity.ERROR, reference.getDocumentUniqueId(), null));
                audited.add(new AuditTrail.AuditedDocument(reference.getDocumentUniqueId(), "ERROR", null, null,
                        null));
            }
            return;
        }
        for (DocumentReference reference : references) {
            StoredDocuments.RetrievableDocument document = stored.get(reference.getDocumentUniqueId());
            if (document == null) {
                errors.add(new ErrorInfo(ErrorCode.DOCUMENT_UNIQUE_ID_ERROR,
                        "No document with uniqueId " + reference.getDocumentUniqueId(), Severity.ERROR,
                        reference.getDocumentUniqueId(), null));
                audited.add(new AuditTrail.AuditedDocument(reference.getDocumentUniqueId(), "NOT_FOUND", null, null,
                        null));
            } else {
                DocumentReference answered = new DocumentReference(properties.uniqueId(), document.uniqueId(),
                        reference.getHomeCommunityId());
                found.add(new RetrievedDocument(new DataHandler(document), answered, null, null, document.mimeType()));
                audited.add(new AuditTrail.AuditedDocument(document.uniqueId(), "RETRIEVED", document.family(),
                        document.citizenCpr(), document.municipalitySor()));
            }
        }
    }
}
