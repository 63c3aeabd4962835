package dk.eojxds.ingest.validation.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/**
 * Rules for a clinical point in time (when measured, when answered): it must carry a time zone
 * when it carries a time (FHIR R4 dateTime: "If hours and minutes are specified, a time zone SHALL
 * be populated"; otherwise its day would depend on our server's zone), and it must not lie in the
 * future beyond a few minutes of clock skew.
 */
public final class Timing {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    // a time part without Z or an offset after it
    private static final Pattern TIME_WITHOUT_ZONE = Pattern.compile(".*T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

    private Timing() {
    }

    /** Later than now by more than the clock skew we allow the gateway and the municipalities. */
    public static boolean inFuture(Instant instant) {
        return instant.isAfter(Instant.now().plus(CLOCK_SKEW));
    }

    public static List<String> violations(String element, BaseDateTimeType value) {
        List<String> reasons = new ArrayList<>();
        String text = value.getValueAsString();
        if (text != null && TIME_WITHOUT_ZONE.matcher(text).matches()) {
            reasons.add("timezone: " + element + " has a time without a time zone (" + text + ")");
        } else if (value.getValue() != null && inFuture(value.getValue().toInstant())) {
            reasons.add("timing: " + element + " " + text + " is in the future");
        }
        return reasons;
    }
}
