package dk.eojxds.repository.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/** How the page writes times, ages, families and error texts (Danish, Copenhagen time). */
final class Display {

    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d. MMM yyyy HH:mm", DANISH)
            .withZone(DANISH_TIME);
    private static final Pattern CPR = Pattern.compile("(?<!\\d)(\\d{6})-?\\d{4}(?!\\d)");

    private Display() {
    }

    static String when(Instant at) {
        return at == null ? "aldrig" : WHEN.format(at);
    }

    /** "3 d 4 t", "2 t 5 min", "40 s". */
    static String age(Duration age) {
        if (age == null) {
            return "–";
        }
        long seconds = Math.max(0, age.toSeconds());
        if (seconds >= 86_400) {
            return seconds / 86_400 + " d " + (seconds % 86_400) / 3600 + " t";
        }
        if (seconds >= 3600) {
            return seconds / 3600 + " t " + (seconds % 3600) / 60 + " min";
        }
        return seconds >= 60 ? seconds / 60 + " min" : seconds + " s";
    }

    static String ageSince(Instant at, Instant now) {
        return at == null ? "–" : age(Duration.between(at, now));
    }

    static String family(String family) {
        return switch (family) {
            case "TELMA" -> "TELMA (hjemmemålinger)";
            case "KPRO" -> "K-PRO (spørgeskemaer)";
            case "FSIII" -> "FSIII (sygepleje)";
            default -> family;
        };
    }

    /** Error texts from the registry may quote a patient id: every CPR-shaped number is masked. */
    static String masked(String text) {
        if (text == null) {
            return "";
        }
        String shown = CPR.matcher(text).replaceAll("$1-****");
        return shown.length() > 300 ? shown.substring(0, 300) + " …" : shown;
    }
}
