package dk.eojxds.repository.retrieve;

import dk.eojxds.repository.audit.AuditTrail;
import dk.eojxds.repository.security.CallerIdentity;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The retrieve being answered: a new request id and the caller the DGWS gate admitted for this HTTP request. */
@Component
class RetrieveAudit {

    AuditTrail.Retrieval current() {
        CallerIdentity caller = CallerIdentity.unverified();
        String remote = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            remote = request.getRemoteAddr();
            if (request.getAttribute(CallerIdentity.REQUEST_ATTRIBUTE) instanceof CallerIdentity verified) {
                caller = verified;
            }
        }
        return new AuditTrail.Retrieval(UUID.randomUUID(), caller, remote);
    }
}
