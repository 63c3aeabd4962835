package dk.eojxds.repository.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits on what a SOAP request may be: a request body larger than
 * {@code eojxds.security.max-request-bytes} is refused with 413 before it is parsed (an ITI-43
 * request is a few kilobytes; attachments come only in answers). The parser itself refuses DTDs,
 * so no entity is expanded or fetched, and caps depth and attributes (see Iti43RequestReader).
 */
@Configuration(proxyBeanMethods = false)
class XmlHardening {

    private static final Logger log = LoggerFactory.getLogger(XmlHardening.class);

    @Bean
    OncePerRequestFilter requestSizeLimit(@Value("${eojxds.security.max-request-bytes:1048576}") long limit) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !request.getRequestURI().startsWith("/services/");
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getContentLengthLong() > limit) {
                    log.warn("Refused a {} byte SOAP request (limit {})", request.getContentLengthLong(), limit);
                    response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "request too large");
                    return;
                }
                chain.doFilter(new LimitedRequest(request, limit), response);
            }
        };
    }

    /** Stops reading a body without Content-Length (chunked) at the limit. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > limit) {
                        throw new IOException("request body exceeds " + limit + " bytes");
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > limit) {
                        throw new IOException("request body exceeds " + limit + " bytes");
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
