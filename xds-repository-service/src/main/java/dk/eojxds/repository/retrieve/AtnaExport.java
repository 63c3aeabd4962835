package dk.eojxds.repository.retrieve;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.RetrieveDocumentSetRequestTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.RetrieveDocumentSetResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.iti43.Iti43ServerAuditStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sends IPF's ITI-43 ATNA audit message (DICOM "PHI Export", one per outcome) to the syslog audit
 * repository that {@code ipf.atna.*} configures, when {@code ipf.atna.audit-enabled=true}; off by
 * default. Our own audit trail (the retrieve_audit table) is written either way: ATNA is an
 * export, and a failing export never fails a retrieve.
 */
@Component
class AtnaExport {

    private static final Logger log = LoggerFactory.getLogger(AtnaExport.class);

    private final AuditContext context;
    private final EbXMLFactory30 ebXml = new EbXMLFactory30();

    AtnaExport(ObjectProvider<AuditContext> context) {
        this.context = context.getIfAvailable();
    }

    boolean enabled() {
        return context != null && context.isAuditEnabled();
    }

    void retrieved(HttpServletRequest http, Iti43Request request, RetrievedDocumentSet answer) {
        if (!enabled()) {
            return;
        }
        try {
            Iti43ServerAuditStrategy strategy = new Iti43ServerAuditStrategy();
            var dataset = strategy.createAuditDataset();
            dataset.setRemoteAddress(http.getRemoteAddr());
            dataset.setLocalAddress(http.getServerName());
            dataset.setDestinationUserId(http.getRequestURL().toString());
            dataset.setSourceUserId(request.replyTo() != null ? request.replyTo() : "unknown");
            dataset.setClientIpAddress(http.getRemoteAddr());
            strategy.enrichAuditDatasetFromRequest(dataset,
                    new RetrieveDocumentSetRequestTransformer(ebXml).toEbXML(request.documents()).getInternal(), Map.of());
            strategy.enrichAuditDatasetFromResponse(dataset,
                    new RetrieveDocumentSetResponseTransformer(ebXml).toEbXML(answer).getInternal(), context);
            context.audit(strategy.makeAuditMessage(context, dataset));
        } catch (RuntimeException e) {
            log.warn("Could not send the ATNA audit message of an ITI-43 retrieve", e);
        }
    }
}
