package dk.eojxds.repository;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A multipart/related (MTOM) response split by hand: the root part and the parts by Content-ID. */
record RawMtom(byte[] root, Map<String, byte[]> parts) {

    static RawMtom parse(String contentType, byte[] body) {
        if (!contentType.startsWith("multipart/related") || !contentType.contains("application/xop+xml")) {
            throw new IllegalArgumentException("not MTOM: " + contentType);
        }
        Matcher boundaryMatch = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        Matcher startMatch = Pattern.compile("start=\"?<([^>\"]+)>\"?").matcher(contentType);
        if (!boundaryMatch.find() || !startMatch.find()) {
            throw new IllegalArgumentException("no boundary or start: " + contentType);
        }
        byte[] delimiter = ("--" + boundaryMatch.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, byte[]> parts = new HashMap<>();
        int position = indexOf(body, delimiter, 0);
        while (position >= 0) {
            int headersStart = position + delimiter.length;
            if (body[headersStart] == '-' && body[headersStart + 1] == '-') {
                break;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
            int next = indexOf(body, delimiter, headersEnd + 4);
            int contentEnd = next - 2; // the CRLF before the next delimiter
            byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, contentEnd);
            Matcher id = Pattern.compile("(?i)Content-ID:\\s*<([^>]+)>").matcher(headers);
            if (id.find()) {
                parts.put(id.group(1), content);
            }
            position = next;
        }
        return new RawMtom(parts.get(startMatch.group(1)), parts);
    }

    byte[] part(String contentId) {
        byte[] part = parts.get(contentId);
        if (part == null) {
            throw new IllegalArgumentException("no part " + contentId + " among " + parts.keySet());
        }
        return part;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
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
