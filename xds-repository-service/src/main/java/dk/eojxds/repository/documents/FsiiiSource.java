package dk.eojxds.repository.documents;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a citizen's current FSIII resources from ingest-service's published {@code ingest.resource}
 * (resources entered in error left out), in a stable order.
 */
@Component
class FsiiiSource {

    private final JdbcClient jdbc;
    private final FhirContext fhir;

    FsiiiSource(JdbcClient jdbc, FhirContext fhir) {
        this.jdbc = jdbc;
        this.fhir = fhir;
    }

    /** The citizen's record: the Patient, the other resources, and when the data was last updated. */
    record FsiiiRecord(Patient citizen, List<Resource> resources, Instant dataAsOf, String fingerprint) {
    }

    FsiiiRecord load(String citizenCpr) {
        record Row(String type, String raw, Instant updated) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT resource_type, raw_json, last_updated FROM ingest.resource
                        WHERE family = 'FSIII' AND citizen_cpr = ? AND partition_key = 'current'
                          AND coalesce(status, '') <> 'entered-in-error'
                        ORDER BY resource_type, resource_id
                        """)
                .param(citizenCpr)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
        IParser parser = fhir.newJsonParser();
        Patient citizen = null;
        List<Resource> resources = new ArrayList<>();
        Instant newest = Instant.EPOCH;
        StringBuilder canonical = new StringBuilder();
        for (Row row : rows) {
            Resource resource = (Resource) parser.parseResource(row.raw());
            if (resource instanceof Patient patient) {
                citizen = patient;
            } else {
                resources.add(resource);
            }
            newest = row.updated().isAfter(newest) ? row.updated() : newest;
            canonical.append(row.raw()).append('\n');
        }
        return new FsiiiRecord(citizen, resources, newest, MetadataFactory.sha1(canonical.toString()));
    }

    /** True when ingest holds an operator's purge request for the citizen (data withdrawn as outside the scope). */
    boolean purgeRequested(String citizenCpr) {
        return jdbc.sql("SELECT count(*) FROM ingest.fsiii_purge WHERE citizen_cpr = ?").param(citizenCpr)
                .query(Long.class).single() > 0;
    }

    /** The purge request is done with once the documents are withdrawn (same transaction). */
    void purgeHandled(String citizenCpr) {
        jdbc.sql("DELETE FROM ingest.fsiii_purge WHERE citizen_cpr = ?").param(citizenCpr).update();
    }
}
