package dk.eojxds.repository.status;

import dk.eojxds.handover.Priority;
import dk.eojxds.handover.PublishedStatus;
import dk.eojxds.repository.audit.AuditTrail;
import dk.eojxds.repository.documents.BuildFailures;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pipeline from the gateway to the registry: feed cursors against the gateway's retention,
 * the queues between the steps, the quarantine by rule, what the registry refuses, and the audit
 * writer.
 */
@Component
class PipelineOverview {

    // build failures by kind (BuildFailureKind), in the operators' language
    private static final Map<String, String> BUILD_FAILURE_NAMES = orderedNames();

    private static Map<String, String> orderedNames() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put("DATA", "Byggefejl i data (venter på ny ændring eller operatør)");
        names.put("TRANSIENT", "Byggefejl, forbigående (forsøges igen automatisk)");
        names.put("TRANSIENT_GIVEN_UP", "Byggefejl, forbigående, opgivet (venter på operatør)");
        names.put("WAITING", "Venter på referencedata");
        return names;
    }

    private final JdbcClient jdbc;
    private final PublishedStatus published;
    private final AuditTrail audit;
    private final StatusProperties properties;
    private final BuildFailures buildFailures;

    PipelineOverview(JdbcClient jdbc, PublishedStatus published, AuditTrail audit, StatusProperties properties,
                     BuildFailures buildFailures) {
        this.buildFailures = buildFailures;
        this.jdbc = jdbc;
        this.published = published;
        this.audit = audit;
        this.properties = properties;
    }

    record Feed(String name, String position, String age, int percentOfRetention, boolean warning, boolean lost,
                String gap) {
    }

    record Queue(String name, long count, String oldest, boolean warning) {
    }

    record Quarantine(String family, String feed, String rule, long open, long lastDay, String lastSeen) {
    }

    record RegistryError(String kind, String state, int attempts, String at, String error) {
    }

    record Audit(long rowsDay, long refusedDay, String lastRow, long writerFailures, String lastFailure,
                 boolean warning) {
    }

    record Pipeline(List<Feed> feeds, List<Queue> queues, List<Quarantine> quarantine,
                    List<PublishedStatus.RegistryState> registry, List<RegistryError> errors, Audit audit) {
    }

    Pipeline pipeline() {
        Instant now = Instant.now();
        return new Pipeline(feeds(now), queues(now), quarantine(), published.registryStates(), errors(), audit());
    }

    private List<Feed> feeds(Instant now) {
        return published.feeds().stream().map(f -> {
            Duration age = Duration.between(f.position(), now);
            int percent = (int) Math.min(100, Math.max(0, age.toSeconds() * 100 / properties.feedRetention().toSeconds()));
            return new Feed(f.feed(), Display.when(f.position()), Display.age(age), percent,
                    age.compareTo(properties.feedWarning()) > 0, age.compareTo(properties.feedRetention()) > 0,
                    f.gapSince() == null ? null : "hul siden " + Display.when(f.gapSince()) + ": " + f.gapDetail());
        }).toList();
    }

    private List<Queue> queues(Instant now) {
        List<Queue> queues = new ArrayList<>();
        // every priority is shown, an empty one with 0
        Map<Priority, PublishedStatus.ChangesPending> pending = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            pending.put(priority, new PublishedStatus.ChangesPending(priority, 0, null));
        }
        published.changesPending().forEach(p -> pending.put(p.priority(), p));
        for (PublishedStatus.ChangesPending p : pending.values()) {
            String name = switch (p.priority()) {
                case LIVE -> "Ændringer at bygge: aktuelle";
                case BACKLOG -> "Ændringer at bygge: efterslæb";
                case HELD -> "Ændringer at bygge: holdt under initial load";
            };
            boolean late = p.priority() == Priority.LIVE && p.oldest() != null
                    && Duration.between(p.oldest(), now).compareTo(properties.waitingWarning()) > 0;
            queues.add(new Queue(name, p.count(), Display.ageSince(p.oldest(), now), late));
        }
        jdbc.sql("""
                        SELECT 'Dokumenter til registrering', count(*), min(enqueued_at) FROM repository.registration_outbox
                        UNION ALL
                        SELECT 'Dokumenter til afmelding (deprecate)', count(*), min(enqueued_at) FROM repository.deprecation_outbox""")
                .query(rs -> {
                    Timestamp oldest = rs.getTimestamp(3);
                    Instant at = oldest == null ? null : oldest.toInstant();
                    boolean late = at != null && Duration.between(at, now).compareTo(properties.waitingWarning()) > 0;
                    queues.add(new Queue(rs.getString(1), rs.getLong(2), Display.ageSince(at, now), late));
                });
        Map<String, BuildFailures.Summary> failures = new java.util.HashMap<>();
        buildFailures.summary().forEach(summary -> failures.put(summary.kind(), summary));
        for (Map.Entry<String, String> kind : BUILD_FAILURE_NAMES.entrySet()) {
            BuildFailures.Summary summary = failures.get(kind.getKey());
            Instant oldest = summary == null ? null : summary.oldest();
            // a transient failure is tried again by itself: late only once it has been given up on
            boolean late = oldest != null && !"TRANSIENT".equals(kind.getKey())
                    && Duration.between(oldest, now).compareTo(properties.waitingWarning()) > 0;
            queues.add(new Queue(kind.getValue(), summary == null ? 0 : summary.count(), Display.ageSince(oldest, now),
                    late));
        }
        return queues;
    }

    private List<Quarantine> quarantine() {
        return published.quarantineByRule().stream()
                .map(q -> new Quarantine(q.family().isEmpty() ? "–" : q.family(), q.feed(), q.rule(), q.open(),
                        q.lastDay(), Display.when(q.lastSeen())))
                .toList();
    }

    private List<RegistryError> errors() {
        return published.latestRegistryErrors(10).stream()
                .map(e -> new RegistryError(e.kind(), e.state(), e.attempts(), Display.when(e.at()),
                        Display.masked(e.error())))
                .toList();
    }

    // the last day of the audit is an index range (repository V19): cheap however long the audit is
    private Audit audit() {
        AuditTrail.WriterHealth health = audit.writerHealth();
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE outcome = 'REFUSED'), max(at)
                        FROM repository.retrieve_audit WHERE at >= now() - interval '1 day'""")
                .query((rs, row) -> {
                    Timestamp last = rs.getTimestamp(3);
                    return new Audit(rs.getLong(1), rs.getLong(2), Display.when(last == null ? null : last.toInstant()),
                            health.failures(), Display.when(health.lastFailure()), health.failing());
                })
                .single();
    }
}
