package dk.eojxds.repository.retrieve;

import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.w3c.dom.Element;

/**
 * An ITI-43 request as read from the wire: the WS-Addressing message id (to relate the answer
 * to), the reply address, the security headers as DOM (a signature is checked on the DOM), and
 * the documents asked for.
 */
record Iti43Request(String messageId, String replyTo, Element security, Element medcomHeader, Element hsuidHeader,
                    RetrieveDocumentSet documents) {
}
