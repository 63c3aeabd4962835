package dk.eojxds.ingest.delta;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes stored FSIII data that lies outside the scope its feed has now: for data stored before a
 * feed's scope was narrowed (or under a scope switched on by mistake). Each such resource is
 * deleted and recorded in {@code ingest.withheld} (id, type, rule: no payload); each citizen
 * touched gets a purge request and a change, on which the repository withdraws (ITI-57) the
 * documents built before the purge and builds the overview afresh from what is left.
 */
@Component
public class OutOfScopePurge {

    private static final Logger log = LoggerFactory.getLogger(OutOfScopePurge.class);

    private final JdbcClient jdbc;
    private final FsiiiProperties properties;
    private final FsiiiReportRules rules;
    private final FhirContext fhir;
    private final IngestStore store;

    OutOfScopePurge(JdbcClient jdbc, FsiiiProperties properties, FsiiiReportRules rules, FhirContext fhir,
                    IngestStore store) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.rules = rules;
        this.fhir = fhir;
        this.store = store;
    }

    /** What a purge did: citizens touched, resources removed, and how many per rule. */
    public record Result(int citizens, int resources, Map<String, Integer> byRule) {
    }

    private record Stored(String feed, String citizen, Resource resource) {
    }

    @Transactional
    public Result purge(String operator) {
        Map<String, List<Stored>> byCitizen = new HashMap<>();
        var parser = fhir.newJsonParser();
        jdbc.sql("SELECT feed, citizen_cpr, raw_json FROM ingest.resource WHERE family = 'FSIII' ORDER BY citizen_cpr")
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2),
                        (Resource) parser.parseResource(rs.getString(3))))
                .list().forEach(s -> byCitizen.computeIfAbsent(s.citizen(), c -> new ArrayList<>()).add(s));
        Map<String, Integer> byRule = new TreeMap<>();
        int removed = 0;
        int citizens = 0;
        for (Map.Entry<String, List<Stored>> citizen : byCitizen.entrySet()) {
            Map<Resource, Stored> outside = outOfScope(citizen.getValue());
            if (outside.isEmpty()) {
                continue;
            }
            citizens++;
            Map<String, List<WithheldResource>> perFeed = new LinkedHashMap<>();
            for (Map.Entry<Resource, Stored> entry : outside.entrySet()) {
                Resource resource = entry.getKey();
                String rule = ruleOf(resource, entry.getValue(), citizen.getValue(), outside);
                jdbc.sql("DELETE FROM ingest.resource WHERE resource_type = ? AND resource_id = ?")
                        .param(resource.fhirType()).param(resource.getIdElement().getIdPart()).update();
                perFeed.computeIfAbsent(entry.getValue().feed(), f -> new ArrayList<>()).add(new WithheldResource(
                        resource.fhirType(), resource.getIdElement().getIdPart(), null, "purged " + rule));
                byRule.merge(rule.substring(0, rule.indexOf(':')), 1, Integer::sum);
                removed++;
            }
            perFeed.forEach((feed, withheld) -> store.withhold(new Feed(feed, null, null, null, 0), withheld));
            jdbc.sql("""
                            INSERT INTO ingest.fsiii_purge (citizen_cpr, requested_by, resources) VALUES (?, ?, ?)
                            ON CONFLICT (citizen_cpr) DO UPDATE SET requested_at = now(),
                                requested_by = EXCLUDED.requested_by, resources = ingest.fsiii_purge.resources + EXCLUDED.resources
                            """).param(citizen.getKey()).param(operator).param(outside.size()).update();
            jdbc.sql("""
                            INSERT INTO ingest.change AS c (family, citizen_cpr, partition_key) VALUES ('FSIII', ?, ?)
                            ON CONFLICT (family, citizen_cpr, partition_key) DO UPDATE
                                SET revision = c.revision + 1, changed_at = now(), processed_at = NULL
                            """).param(citizen.getKey()).param(FsiiiReportReader.CURRENT).update();
        }
        log.info("FSIII purge by {}: {} resources of {} citizens outside their feed's scope removed {}", operator,
                removed, citizens, byRule);
        return new Result(citizens, removed, byRule);
    }

    // A citizen's stored resources stand in for the report: follow-ups are judged by what they follow up.
    private Map<Resource, Stored> outOfScope(List<Stored> stored) {
        Map<Resource, Stored> outside = new IdentityHashMap<>();
        Map<String, Resource> byReference = byReference(stored);
        for (Stored s : stored) {
            if (rules.outOfScope(s.resource(), properties.scopeOf(s.feed()), byReference, outside.keySet()) != null) {
                outside.put(s.resource(), s);
            }
        }
        for (Stored s : stored) {
            if (s.resource() instanceof Observation && !outside.containsKey(s.resource())
                    && rules.outOfScope(s.resource(), properties.scopeOf(s.feed()), byReference, outside.keySet()) != null) {
                outside.put(s.resource(), s);
            }
        }
        return outside;
    }

    private String ruleOf(Resource resource, Stored stored, List<Stored> all, Map<Resource, Stored> outside) {
        String rule = rules.outOfScope(resource, properties.scopeOf(stored.feed()), byReference(all), outside.keySet());
        return rule == null ? "scope-follow-up: a follow-up on care data is care data" : rule;
    }

    private static Map<String, Resource> byReference(List<Stored> stored) {
        Map<String, Resource> byReference = new HashMap<>();
        stored.forEach(s -> byReference.put(s.resource().fhirType() + "/" + s.resource().getIdElement().getIdPart(),
                s.resource()));
        return byReference;
    }
}
