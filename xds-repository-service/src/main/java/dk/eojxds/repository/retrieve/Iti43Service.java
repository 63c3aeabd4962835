package dk.eojxds.repository.retrieve;

import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;

/** ITI-43 Retrieve Document Set, as a plain Java service behind the SOAP endpoint ({@link Iti43Servlet}). */
public interface Iti43Service {

    RetrievedDocumentSet retrieve(RetrieveDocumentSet request);
}
