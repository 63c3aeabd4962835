package dk.eojxds.repository.retrieve;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The root part of a {@code multipart/related} (MTOM/XOP) request: the part whose Content-ID is
 * the {@code start} parameter, or the first part. A retrieve request carries only identifiers, so
 * its other parts, if any, are not read.
 */
final class MultipartRelated {

    private MultipartRelated() {
    }

    /** The parameters of a Content-Type value, names in lower case, quotes removed. */
    static Map<String, String> parameters(String contentType) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = contentType.indexOf(';');
        while (i >= 0 && i < contentType.length()) {
            int equals = contentType.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = contentType.substring(i + 1, equals).trim().toLowerCase(Locale.ROOT);
            int start = equals + 1;
            String value;
            int next;
            if (start < contentType.length() && contentType.charAt(start) == '"') {
                int close = contentType.indexOf('"', start + 1);
                if (close < 0) {
                    throw SoapFault.sender(null, "unterminated quoted parameter in Content-Type");
                }
                value = contentType.substring(start + 1, close);
                next = contentType.indexOf(';', close);
            } else {
                next = contentType.indexOf(';', start);
                value = contentType.substring(start, next < 0 ? contentType.length() : next).trim();
            }
            parameters.put(name, value);
            i = next;
        }
        return parameters;
    }

    static byte[] rootPart(String contentType, byte[] body) {
        Map<String, String> parameters = parameters(contentType);
        String boundary = parameters.get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw SoapFault.sender(null, "multipart/related without a boundary");
        }
        String start = parameters.get("start");
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int position = indexOf(body, delimiter, 0);
        byte[] first = null;
        while (position >= 0) {
            int headersStart = position + delimiter.length;
            if (headersStart + 1 < body.length && body[headersStart] == '-' && body[headersStart + 1] == '-') {
                break; // closing delimiter
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                throw SoapFault.sender(null, "malformed multipart/related request");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next);
            if (start == null || bare(start).equals(bare(contentId(headers)))) {
                return content;
            }
            if (first == null) {
                first = content;
            }
            position = next + 2;
        }
        if (first == null) {
            throw SoapFault.sender(null, "multipart/related request without parts");
        }
        throw SoapFault.sender(null, "no part has the Content-ID of the start parameter " + start);
    }

    private static String contentId(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-ID")) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static String bare(String contentId) {
        if (contentId == null) {
            return "";
        }
        String trimmed = contentId.trim();
        return trimmed.startsWith("<") && trimmed.endsWith(">") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
