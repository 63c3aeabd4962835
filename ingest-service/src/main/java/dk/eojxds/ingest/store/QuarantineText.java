package dk.eojxds.ingest.store;

import dk.eojxds.model.LogSafe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a quarantine row may hold, whatever an entry contained: reasons without control characters
 * (a NUL echoed from a value is refused by PostgreSQL and would fail the page), at most
 * {@value #MAX_REASONS} of at most {@value #MAX_REASON_CHARS} characters each; the payload whole,
 * but with NUL written as the JSON escape {@code \\u0000} (PostgreSQL text cannot hold it), and its
 * SHA-256 so that an entry without an id is kept once however often it is seen.
 */
record QuarantineText(List<String> reasons, String payload, String payloadSha256) {

    static final int MAX_REASONS = 50;
    static final int MAX_REASON_CHARS = 1000;

    static QuarantineText of(List<String> reasons, String payload) {
        List<String> safe = new ArrayList<>();
        for (String reason : reasons) {
            if (safe.size() == MAX_REASONS) {
                safe.add("… " + (reasons.size() - MAX_REASONS) + " more reasons not kept");
                break;
            }
            safe.add(bounded(reason, MAX_REASON_CHARS));
        }
        String stored = payload == null ? "" : payload;
        if (stored.indexOf('\u0000') >= 0) {
            stored = stored.replace("\u0000", "\\u0000");
            safe.add("encoding: the payload had NUL characters, stored here as \\u0000");
        }
        return new QuarantineText(safe, stored, sha256(stored));
    }

    static String bounded(String text, int max) {
        return LogSafe.text(text, max);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
