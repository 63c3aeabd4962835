package dk.eojxds.repository.documents.telma;

import dk.eojxds.model.HomeMeasurement;
import java.math.BigDecimal;
import java.time.Instant;

/** One home measurement as it goes into a PHMR document. */
public record Measurement(String resourceId, HomeMeasurement kind, BigDecimal value, String unit, Instant effective,
                   MeasurementMethod method) {
}
