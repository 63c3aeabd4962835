package dk.eojxds.repository.documents.kpro;

import ca.uhn.fhir.context.FhirContext;
import dk.eojxds.handover.IngestedResources;
import java.util.Optional;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.stereotype.Component;

/** Reads one K-PRO response from what ingest-service publishes (through the hand-over module). */
@Component
class KproSource {

    private final IngestedResources ingested;
    private final FhirContext fhir;

    KproSource(IngestedResources ingested, FhirContext fhir) {
        this.ingested = ingested;
        this.fhir = fhir;
    }

    /** The stored response and its raw JSON (the fingerprint is taken from the raw text). */
    record StoredResponse(QuestionnaireResponse response, String rawJson) {
    }

    Optional<StoredResponse> load(String citizenCpr, String responseId) {
        return ingested.rawJson("KPRO", citizenCpr, "QuestionnaireResponse", responseId)
                .map(raw -> new StoredResponse(fhir.newJsonParser().parseResource(QuestionnaireResponse.class, raw), raw));
    }
}
