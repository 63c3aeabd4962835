package dk.eojxds.repository.retrieve;

import dk.eojxds.repository.audit.AuditTrail;
import dk.eojxds.repository.security.CallerIdentity;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Records a retrieve with the caller the DGWS interceptor verified for this HTTP request. */
@Component
class RetrieveAudit {

    private final AuditTrail audit;

    RetrieveAudit(AuditTrail audit) {
        this.audit = audit;
    }

    void record(List<AuditTrail.AuditedDocument> documents) {
        CallerIdentity caller = CallerIdentity.unverified();
        String remote = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            remote = request.getRemoteAddr();
            if (request.getAttribute(CallerIdentity.REQUEST_ATTRIBUTE) instanceof CallerIdentity verified) {
                caller = verified;
            }
        }
        audit.retrieved(caller, remote, documents);
    }
}
