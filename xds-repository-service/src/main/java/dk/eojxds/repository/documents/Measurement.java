package dk.eojxds.repository.documents;

import dk.eojxds.model.HomeMeasurement;
import java.math.BigDecimal;
import java.time.Instant;

/** One home measurement as it goes into a PHMR document. */
record Measurement(String resourceId, HomeMeasurement kind, BigDecimal value, String unit, Instant effective,
                   MeasurementMethod method) {
}
