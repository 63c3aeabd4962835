package dk.eojxds.repository.documents;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** HL7 V3 TS values in Danish local time with offset, as Danish CDA documents carry them. */
public final class Hl7Time {

    public static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private Hl7Time() {
    }

    public static String ts(Instant instant) {
        return TS.format(instant.atZone(DANISH_TIME));
    }

    public static String readable(Instant instant) {
        return READABLE.format(instant.atZone(DANISH_TIME));
    }
}
