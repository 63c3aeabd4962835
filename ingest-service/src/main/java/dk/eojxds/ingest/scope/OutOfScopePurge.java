package dk.eojxds.ingest.scope;

import ca.uhn.fhir.context.FhirContext;
import dk.eojxds.handover.ChangeQueue;
import dk.eojxds.handover.Priority;
import dk.eojxds.handover.SeriesKey;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.store.Batch;
import dk.eojxds.ingest.store.IngestCommit;
import dk.eojxds.ingest.validation.WithheldResource;
import dk.eojxds.ingest.validation.fsiii.FsiiiProperties;
import dk.eojxds.ingest.validation.fsiii.FsiiiReportReader;
import dk.eojxds.ingest.validation.fsiii.FsiiiReportRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final IngestCommit commit;
    private final TransactionTemplate transactions;

    private final ChangeQueue changes;

    OutOfScopePurge(JdbcClient jdbc, FsiiiProperties properties, FsiiiReportRules rules, FhirContext fhir,
                    IngestCommit commit, TransactionTemplate transactions, ChangeQueue changes) {
        this.transactions = transactions;
        this.changes = changes;
        this.jdbc = jdbc;
        this.properties = properties;
        this.rules = rules;
        this.fhir = fhir;
        this.commit = commit;
    }

    /** What a purge did: citizens touched, resources removed, and how many per rule. */
    public record Result(int citizens, int resources, Map<String, Integer> byRule) {
    }

    private record Stored(String feed, Resource resource) {
    }

    /**
     * Purges citizen by citizen, each in a transaction of its own: a purge over the whole country
     * never holds every FSIII resource in memory or one transaction open for all of them, and an
     * interrupted purge is simply run again.
     */
    public Result purge(String operator) {
        List<String> citizens = jdbc.sql("SELECT DISTINCT citizen_cpr FROM ingest.resource WHERE family = 'FSIII' "
                + "ORDER BY citizen_cpr").query(String.class).list();
        Map<String, Integer> byRule = new TreeMap<>();
        int removed = 0;
        int touched = 0;
        for (String citizen : citizens) {
            Map<String, Integer> purged = transactions.execute(tx -> purgeCitizen(citizen, operator));
            if (purged != null && !purged.isEmpty()) {
                touched++;
                purged.forEach((rule, count) -> byRule.merge(rule, count, Integer::sum));
                removed += purged.values().stream().mapToInt(Integer::intValue).sum();
            }
        }
        log.info("FSIII purge by {}: {} resources of {} citizens outside their feed's scope removed {}",
                dk.eojxds.model.LogSafe.text(operator), removed, touched, byRule);
        return new Result(touched, removed, byRule);
    }

    // one citizen's resources judged together (a follow-up by what it follows up); answers the count per rule
    private Map<String, Integer> purgeCitizen(String citizen, String operator) {
        var parser = fhir.newJsonParser();
        List<Stored> stored = jdbc.sql("SELECT feed, raw_json FROM ingest.resource "
                        + "WHERE family = 'FSIII' AND citizen_cpr = ?").param(citizen)
                .query((rs, i) -> new Stored(rs.getString(1), (Resource) parser.parseResource(rs.getString(2))))
                .list();
        // the citizen's stored resources stand in for the report, each judged by its own feed's scope
        Map<Resource, String> feedOf = new IdentityHashMap<>();
        Map<String, Resource> byReference = new HashMap<>();
        for (Stored s : stored) {
            feedOf.put(s.resource(), s.feed());
            byReference.put(s.resource().fhirType() + "/" + s.resource().getIdElement().getIdPart(), s.resource());
        }
        Map<Resource, String> outside = rules.withheld(stored.stream().map(Stored::resource).toList(), byReference,
                resource -> properties.scopeOf(feedOf.get(resource)));
        Map<String, Integer> byRule = new TreeMap<>();
        if (outside.isEmpty()) {
            return byRule;
        }
        Map<String, List<WithheldResource>> perFeed = new LinkedHashMap<>();
        for (Map.Entry<Resource, String> entry : outside.entrySet()) {
            Resource resource = entry.getKey();
            String rule = entry.getValue();
            jdbc.sql("DELETE FROM ingest.resource WHERE resource_type = ? AND resource_id = ?")
                    .param(resource.fhirType()).param(resource.getIdElement().getIdPart()).update();
            perFeed.computeIfAbsent(feedOf.get(resource), f -> new ArrayList<>()).add(new WithheldResource(
                    resource.fhirType(), resource.getIdElement().getIdPart(), null, "purged " + rule));
            byRule.merge(rule.substring(0, rule.indexOf(':')), 1, Integer::sum);
        }
        Batch purged = new Batch("purge", Priority.BACKLOG);
        perFeed.forEach((feed, withheld) -> purged.withhold(new Feed(feed, null, null, null, 0), withheld));
        commit.commit(purged);
        jdbc.sql("""
                        INSERT INTO ingest.fsiii_purge (citizen_cpr, requested_by, resources) VALUES (?, ?, ?)
                        ON CONFLICT (citizen_cpr) DO UPDATE SET requested_at = now(),
                            requested_by = EXCLUDED.requested_by, resources = ingest.fsiii_purge.resources + EXCLUDED.resources
                        """).param(citizen).param(operator).param(outside.size()).update();
        // the withdrawal of a document that may show purged data is urgent: live
        changes.enqueue(new SeriesKey("FSIII", citizen, FsiiiReportReader.CURRENT), Priority.LIVE);
        return byRule;
    }
}
