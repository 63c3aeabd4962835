package dk.eojxds.repository.status;

import dk.eojxds.handover.PublishedStatus;
import dk.eojxds.repository.reference.Municipalities;
import dk.eojxds.repository.reference.Municipalities.Municipality;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per municipality and family: what arrived (ingest), what was made of it (documents), what waits
 * for the registry and what the registry refused for good. Municipalities come from the reference
 * data, and any SOR code the data names that the reference does not know is shown too.
 */
@Component
class MunicipalityOverview {

    static final List<String> FAMILIES = List.of("TELMA", "KPRO", "FSIII");

    private final JdbcClient jdbc;
    private final PublishedStatus published;
    private final Municipalities municipalities;
    private final StatusProperties properties;

    MunicipalityOverview(JdbcClient jdbc, PublishedStatus published, Municipalities municipalities,
                         StatusProperties properties) {
        this.jdbc = jdbc;
        this.published = published;
        this.municipalities = municipalities;
        this.properties = properties;
    }

    /** One row of the table: a municipality in one family (or, with no data at all, the municipality alone). */
    record Row(String name, int code, String sor, String family, String lastReceived, boolean silent,
               long resourcesDay, long resourcesWeek, long documentsDay, long documentsWeek,
               long waiting, String oldestWaiting, boolean waitingLate, long parked, long quarantined,
               String freshness, boolean stale) {

        public boolean hasProblem() {
            return silent || waitingLate || parked > 0 || quarantined > 0 || stale || sor == null;
        }
    }

    record Overview(List<Row> rows, List<String> silent, int delivering, int known, long withoutSor, Instant at) {

        public String atText() {
            return Display.when(at);
        }
    }

    private record Key(String sor, String family) {
    }

    private record Counts(long day, long week) {
    }

    private record Waiting(long count, Instant oldest) {
    }

    Overview overview(String onlyFamily, boolean onlyProblems) {
        Instant now = Instant.now();
        List<Municipality> reference = municipalities.all();
        Set<String> referenced = new LinkedHashSet<>();
        reference.stream().map(Municipality::sorCode).filter(Objects::nonNull).forEach(referenced::add);
        Map<Key, PublishedStatus.Arrival> arrivals = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>(referenced);
        List<PublishedStatus.Arrival> arrived = published.arrivals(referenced);
        Map<String, Instant> lastReceived = PublishedStatus.lastReceivedByMunicipality(arrived);
        for (PublishedStatus.Arrival a : arrived) {
            arrivals.put(new Key(a.municipalitySor(), a.family()), a);
            if (a.lastReceived() != null) {
                seen.add(a.municipalitySor());
            }
        }
        Map<Key, Counts> documents = documents(seen);
        Map<Key, Waiting> waiting = waiting();
        Map<Key, Long> parked = new HashMap<>();
        published.parkedRegistrations().forEach(p -> parked.put(new Key(p.municipalitySor(), p.family()), p.count()));
        Map<Key, PublishedStatus.Freshness> freshness = new HashMap<>();
        published.freshness(seen).forEach(f -> freshness.put(new Key(f.municipalitySor(), f.family()), f));
        Map<Key, Long> quarantined = new HashMap<>();
        published.openQuarantineByMunicipality()
                .forEach(q -> quarantined.put(new Key(q.municipalitySor(), q.family()), q.count()));

        List<Municipality> shown = new ArrayList<>(reference);
        for (String sor : seen) {
            if (!referenced.contains(sor)) {
                shown.add(new Municipality(0, "Ukendt kommune (SOR " + sor + ")", null, sor));
            }
        }
        shown.sort(Comparator.comparing(Municipality::name));
        List<Row> rows = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        int delivering = 0;
        for (Municipality m : shown) {
            Instant last = m.sorCode() == null ? null : lastReceived.get(m.sorCode());
            boolean isSilent = last == null || Duration.between(last, now).compareTo(properties.silentAfter()) > 0;
            if (isSilent) {
                silent.add(m.name());
            }
            if (last != null && Duration.between(last, now).toHours() < 24) {
                delivering++;
            }
            List<Row> own = new ArrayList<>();
            for (String family : FAMILIES) {
                Key key = new Key(m.sorCode(), family);
                PublishedStatus.Arrival a = arrivals.get(key);
                Counts d = documents.getOrDefault(key, new Counts(0, 0));
                Waiting w = waiting.getOrDefault(key, new Waiting(0, null));
                long p = parked.getOrDefault(key, 0L);
                long q = quarantined.getOrDefault(key, 0L);
                boolean any = (a != null && a.lastReceived() != null) || d.week() > 0 || w.count() > 0 || p > 0 || q > 0;
                if (!any || (onlyFamily != null && !onlyFamily.equals(family))) {
                    continue;
                }
                boolean late = w.oldest() != null
                        && Duration.between(w.oldest(), now).compareTo(properties.waitingWarning()) > 0;
                PublishedStatus.Freshness f = freshness.get(key);
                boolean stale = f != null && f.p95Seconds() > properties.freshnessWarning().toSeconds();
                own.add(new Row(m.name(), m.code(), m.sorCode(), family,
                        Display.when(a == null ? null : a.lastReceived()), isSilent,
                        a == null ? 0 : a.lastDay(), a == null ? 0 : a.lastWeek(), d.day(), d.week(),
                        w.count(), Display.ageSince(w.oldest(), now), late, p, q, freshness(f), stale));
            }
            if (own.isEmpty() && onlyFamily == null) {
                own.add(new Row(m.name(), m.code(), m.sorCode(), null, Display.when(null), isSilent,
                        0, 0, 0, 0, 0, "–", false, 0, 0, "–", false));
            }
            own.stream().filter(r -> !onlyProblems || r.hasProblem()).forEach(rows::add);
        }
        long withoutSor = reference.stream().filter(m -> m.sorCode() == null).count();
        return new Overview(rows, silent, delivering, shown.size(), withoutSor, now);
    }

    // "4 s / 9 s": median and 95th percentile, from received to registered, over the last day
    private static String freshness(PublishedStatus.Freshness f) {
        if (f == null) {
            return "–";
        }
        return Display.age(Duration.ofSeconds(Math.round(f.medianSeconds()))) + " / "
                + Display.age(Duration.ofSeconds(Math.round(f.p95Seconds())));
    }

    // documents made per municipality (the author organisation) and family: an index range scan each
    private Map<Key, Counts> documents(Set<String> sors) {
        Map<Key, Counts> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT m.sor, f.family, w.last_day, w.last_week
                        FROM unnest(?::text[]) AS m (sor)
                        CROSS JOIN (VALUES ('TELMA'), ('KPRO'), ('FSIII')) AS f (family)
                        CROSS JOIN LATERAL (
                            SELECT count(*) FILTER (WHERE stored_at >= now() - interval '1 day') AS last_day,
                                   count(*) AS last_week
                            FROM repository.document d
                            WHERE d.author_sor = m.sor AND d.family = f.family
                              AND d.stored_at >= now() - interval '7 days') w""")
                .param(sors.toArray(String[]::new))
                .query(rs -> {
                    counts.put(new Key(rs.getString(1), rs.getString(2)), new Counts(rs.getLong(3), rs.getLong(4)));
                });
        return counts;
    }

    private Map<Key, Waiting> waiting() {
        Map<Key, Waiting> waiting = new HashMap<>();
        jdbc.sql("""
                        SELECT d.author_sor, d.family, count(*), min(o.enqueued_at)
                        FROM repository.registration_outbox o
                        JOIN repository.document d ON d.unique_id = o.document_unique_id
                        GROUP BY 1, 2""")
                .query(rs -> {
                    Timestamp oldest = rs.getTimestamp(4);
                    waiting.put(new Key(rs.getString(1), rs.getString(2)),
                            new Waiting(rs.getLong(3), oldest == null ? null : oldest.toInstant()));
                });
        return waiting;
    }
}
