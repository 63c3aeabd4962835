package dk.eojxds.repository.documents.telma;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import dk.eojxds.handover.IngestedResources;
import dk.eojxds.handover.SeriesKey;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.HomeMeasurement;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Reads a citizen's measurements of one day from ingest-service's published table
 * {@code ingest.resource}. Resources marked entered-in-error are left out.
 */
@Component
class TelmaSource {


    private final IngestedResources ingested;
    private final FhirContext fhir;

    TelmaSource(IngestedResources ingested, FhirContext fhir) {
        this.ingested = ingested;
        this.fhir = fhir;
    }

    /** The day's valid measurements, or empty when none is left (all withdrawn). */
    Optional<MeasurementDay> load(Cpr citizen, LocalDate day) {
        List<String> rows = ingested.ofSeries(new SeriesKey("TELMA", citizen.value(), day.toString())).stream()
                .map(IngestedResources.Stored::rawJson).toList();
        IParser parser = fhir.newJsonParser();
        List<Measurement> measurements = new ArrayList<>();
        Organisation author = null;
        Instant newestUpdate = null;
        for (String raw : rows) {
            Observation observation = parser.parseResource(Observation.class, raw);
            Instant updated = observation.getMeta().getLastUpdated().toInstant();
            if (newestUpdate == null || updated.isAfter(newestUpdate)) {
                newestUpdate = updated;
                author = organisation(observation);
            }
            measurements.add(new Measurement(observation.getIdElement().getIdPart(), kind(observation),
                    observation.getValueQuantity().getValue(), observation.getValueQuantity().getCode(),
                    observation.getEffectiveDateTimeType().getValue().toInstant(), method(observation)));
        }
        if (measurements.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MeasurementDay(citizen, day, author, measurements, newestUpdate));
    }

    // ingest-service validated these fields before storing the resource.
    private static HomeMeasurement kind(Observation observation) {
        for (Coding coding : observation.getCode().getCoding()) {
            if (DkXdsCodes.NPU_SYSTEM.equals(coding.getSystem())) {
                Optional<HomeMeasurement> kind = HomeMeasurement.byNpuCode(coding.getCode());
                if (kind.isPresent()) {
                    return kind.get();
                }
            }
        }
        throw new IllegalStateException("stored Observation without a known NPU code");
    }

    /** Who measured (a person performer's kind; the citizen when none is named) and whether a device sent it. */
    static MeasurementMethod method(Observation observation) {
        MeasurementMethod.Performer performer = MeasurementMethod.Performer.CITIZEN;
        for (Reference reference : observation.getPerformer()) {
            String type = reference.hasType() ? reference.getType()
                    : reference.hasReference() ? reference.getReferenceElement().getResourceType() : null;
            if ("Practitioner".equals(type) || "PractitionerRole".equals(type)) {
                performer = MeasurementMethod.Performer.PROFESSIONAL;
            } else if ("RelatedPerson".equals(type)) {
                performer = MeasurementMethod.Performer.CAREGIVER;
            }
        }
        return MeasurementMethod.of(performer, observation.hasDevice());
    }

    private static Organisation organisation(Observation observation) {
        for (Reference performer : observation.getPerformer()) {
            if (SorCode.SYSTEM.equals(performer.getIdentifier().getSystem())) {
                return new Organisation(performer.getDisplay(), SorCode.of(performer.getIdentifier().getValue()));
            }
        }
        throw new IllegalStateException("stored Observation without a SOR-identified performer");
    }
}
