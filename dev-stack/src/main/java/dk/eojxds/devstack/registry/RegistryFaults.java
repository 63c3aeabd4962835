package dk.eojxds.devstack.registry;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Faults the registry stand-in can be told to show, for tests and demonstrations: down (HTTP 503
 * for every registry call), the next N calls answered with an XDS error, a delay, and metadata
 * errors for one patient.
 */
@Component
public class RegistryFaults extends OncePerRequestFilter {

    private boolean down;
    private int failNext;
    private ErrorCode failWith = ErrorCode.REGISTRY_BUSY;
    private long delayMillis;
    private final Set<String> rejectedPatients = new HashSet<>();

    public synchronized void down(boolean down) {
        this.down = down;
    }

    public synchronized void failNext(int calls, ErrorCode code) {
        this.failNext = calls;
        this.failWith = code;
    }

    public synchronized void delay(long millis) {
        this.delayMillis = millis;
    }

    public synchronized void rejectPatient(String patientId) {
        rejectedPatients.add(patientId);
    }

    public synchronized void clear() {
        down = false;
        failNext = 0;
        delayMillis = 0;
        rejectedPatients.clear();
    }

    /** The error answer for this call, if a fault applies to it. */
    synchronized Optional<Response> injected(String patientId) {
        if (failNext > 0) {
            failNext--;
            return Optional.of(failure(failWith, "Injected fault: " + failWith));
        }
        if (patientId != null && rejectedPatients.contains(patientId)) {
            return Optional.of(failure(ErrorCode.REGISTRY_METADATA_ERROR, "Injected fault: metadata rejected for "
                    + "this patient"));
        }
        return Optional.empty();
    }

    static Response failure(ErrorCode code, String context) {
        Response response = new Response(Status.FAILURE);
        response.setErrors(java.util.List.of(new ErrorInfo(code, context, Severity.ERROR, null, null)));
        return response;
    }

    void pause() {
        long millis;
        synchronized (this) {
            millis = delayMillis;
        }
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether a request is a call to the stand-in's registry endpoints (the filters here see only those). */
    static boolean isRegistryCall(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/services/registry/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isRegistryCall(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean isDown;
        synchronized (this) {
            isDown = down;
        }
        if (isDown) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "registry stand-in is down (injected)");
            return;
        }
        chain.doFilter(request, response);
    }
}
