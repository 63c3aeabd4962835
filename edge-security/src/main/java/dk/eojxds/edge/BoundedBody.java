package dk.eojxds.edge;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads a request body of at most {@code limit} bytes, whatever Content-Length says (or when it
 * says nothing, chunked): a larger body is refused with 413 before more than the limit is read.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** A body over the limit: 413 where it reaches Spring MVC; SOAP and FHIR endpoints answer in their own form. */
    public static final class TooLarge extends ResponseStatusException {

        TooLarge(long limit) {
            super(HttpStatus.PAYLOAD_TOO_LARGE, "the request body is larger than " + limit + " bytes");
        }
    }

    /** The body, at most {@code limit} bytes read. @throws TooLarge when it is larger */
    public static byte[] read(HttpServletRequest request, long limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        }
    }

    private static TooLarge tooLarge(long limit) {
        return new TooLarge(limit);
    }
}
