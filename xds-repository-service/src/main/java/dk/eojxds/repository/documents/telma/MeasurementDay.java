package dk.eojxds.repository.documents.telma;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.Organisation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A citizen's home measurements of one Danish calendar day: the content of one PHMR document.
 *
 * @param author       the municipal organisation responsible (from the newest measurement)
 * @param dataAsOf     the newest meta.lastUpdated among the day's resources; the document's
 *                     creation time, so that the same data always gives the same bytes
 */
public record MeasurementDay(Cpr citizen, LocalDate day, Organisation author, List<Measurement> measurements,
                      Instant dataAsOf) {

    public MeasurementDay {
        // A stable order makes the document deterministic whatever order the rows came in.
        measurements = measurements.stream()
                .sorted(Comparator.comparing(Measurement::effective)
                        .thenComparing(m -> m.kind().npuCode())
                        .thenComparing(Measurement::resourceId))
                .toList();
    }

    public Instant first() {
        return measurements.get(0).effective();
    }

    public Instant last() {
        return measurements.get(measurements.size() - 1).effective();
    }
}
