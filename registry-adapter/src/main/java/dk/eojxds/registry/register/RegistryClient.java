package dk.eojxds.registry.register;

import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;

/**
 * Sends ITI-42 Register Document Set-b and ITI-57 Update Document Set, and ITI-18 Registry Stored
 * Query when configured; transport failures surface as exceptions.
 */
public interface RegistryClient {

    Response register(RegisterDocumentSet submission);

    /** ITI-57 Update Document Set (here: availability status changes). */
    Response update(RegisterDocumentSet update);

    /** ITI-18 Registry Stored Query (here: GetRelatedDocuments, to follow a series' replacements). */
    QueryResponse query(QueryRegistry query);
}
