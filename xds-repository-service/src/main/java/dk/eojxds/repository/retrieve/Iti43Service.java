package dk.eojxds.repository.retrieve;

import dk.eojxds.repository.audit.AuditTrail;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;

/** ITI-43 Retrieve Document Set, as a plain Java service behind the SOAP endpoint ({@link Iti43Servlet}). */
public interface Iti43Service {

    /** Answers the request and records it, for this caller, in the audit trail before answering. */
    RetrievedDocumentSet retrieve(RetrieveDocumentSet request, AuditTrail.Retrieval retrieval);
}
