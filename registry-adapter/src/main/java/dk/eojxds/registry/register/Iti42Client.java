package dk.eojxds.registry.register;

import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;

/** Sends ITI-42 Register Document Set-b; transport failures surface as exceptions. */
public interface Iti42Client {

    Response register(RegisterDocumentSet submission);
}
