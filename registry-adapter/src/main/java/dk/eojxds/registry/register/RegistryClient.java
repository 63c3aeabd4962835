package dk.eojxds.registry.register;

import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;

/** Sends ITI-42 Register Document Set-b and ITI-57 Update Document Set; transport failures surface as exceptions. */
public interface RegistryClient {

    Response register(RegisterDocumentSet submission);

    /** ITI-57 Update Document Set (here: availability status changes). */
    Response update(RegisterDocumentSet update);
}
