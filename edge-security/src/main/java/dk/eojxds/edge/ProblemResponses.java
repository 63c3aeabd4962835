package dk.eojxds.edge;

import dk.eojxds.model.LogSafe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Refusals as RFC 9457 problem details: 401 with a {@code WWW-Authenticate: Bearer} challenge for
 * a caller who is not authenticated (or whose token is invalid), 403 for one who may not do this.
 * The reason is logged at WARN; the answer says no more than the status does.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        log.warn("Refused {} {} from {}: not authenticated ({})", request.getMethod(), LogSafe.text(request.getRequestURI(), 200),
                request.getRemoteAddr(), LogSafe.text(reason.getMessage(), 200));
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, 401, "Unauthorized", "Authentication is required: a bearer token or a client certificate.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException reason)
            throws IOException {
        String who = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        log.warn("Refused {} {} to {} from {}: not allowed", request.getMethod(), LogSafe.text(request.getRequestURI(), 200),
                LogSafe.text(who, 200), request.getRemoteAddr());
        write(response, 403, "Forbidden", "The caller may not do this.");
    }

    private static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
