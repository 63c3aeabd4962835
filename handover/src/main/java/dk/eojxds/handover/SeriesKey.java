package dk.eojxds.handover;

import java.util.Objects;

/** One document series: a family's document of one citizen for one partition (a day, a response, "current"). */
public record SeriesKey(String family, String citizenCpr, String partitionKey) {

    public SeriesKey {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(citizenCpr, "citizenCpr");
        Objects.requireNonNull(partitionKey, "partitionKey");
    }
}
