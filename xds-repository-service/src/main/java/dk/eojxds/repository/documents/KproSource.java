package dk.eojxds.repository.documents;

import ca.uhn.fhir.context.FhirContext;
import java.util.Optional;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads one K-PRO response from ingest-service's published {@code ingest.resource}. */
@Component
class KproSource {

    private final JdbcClient jdbc;
    private final FhirContext fhir;

    KproSource(JdbcClient jdbc, FhirContext fhir) {
        this.jdbc = jdbc;
        this.fhir = fhir;
    }

    /** The stored response and its raw JSON (the fingerprint is taken from the raw text). */
    record StoredResponse(QuestionnaireResponse response, String rawJson) {
    }

    Optional<StoredResponse> load(String citizenCpr, String responseId) {
        return jdbc.sql("""
                        SELECT raw_json FROM ingest.resource
                        WHERE family = 'KPRO' AND citizen_cpr = ? AND resource_type = 'QuestionnaireResponse'
                          AND resource_id = ?
                        """)
                .param(citizenCpr).param(responseId)
                .query(String.class).optional()
                .map(raw -> new StoredResponse(fhir.newJsonParser().parseResource(QuestionnaireResponse.class, raw), raw));
    }
}
