package dk.eojxds.bench.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the failover drill saw, counted and checked, printed as Markdown for docs/benchmarks.md:
 * every gateway resource stored once, every document registered once (the registry stand-in's
 * own count), retrieves never wrong and failing only while the database switched (and then as
 * SOAP faults or a refused connection), an audit row for every answered retrieve, health DOWN and
 * UP again by itself, and the time to recover.
 */
final class DrillReport {

    record Observed(PatroniCluster cluster, ServiceFleet fleet, DrillDatabase db, List<RetrieveLoad.Result> retrieves,
                    List<HealthWatch.Transition> transitions, List<Instant[]> failovers, Instant loadStarted,
                    long gatewayResources, String registryCounts) {
    }

    /** What the restore drill saw: the documents at the restore point, at the loss and restored; the registry's counts. */
    record Restored(long documentsAtTarget, long documentsLost, long documentsRestored, String registryBefore,
                    String registryAfter, DrillDatabase db, Map<String, Object> archiver, Instant lost, Instant serving) {
    }

    private final String title;
    private final Instant started = Instant.now();
    private final List<String> steps = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    DrillReport(String title) {
        this.title = title;
    }

    void step(String what) {
        String line = "%6.1f s  %s".formatted(Duration.between(started, Instant.now()).toMillis() / 1000.0, what);
        steps.add(line);
        System.out.println("[drill] " + line);
    }

    void failed(String why) {
        failures.add(why);
    }

    boolean passed() {
        return failures.isEmpty();
    }

    private void check(boolean ok, String what) {
        lines.add("| " + what + " | " + (ok ? "yes" : "**NO**") + " |");
        if (!ok) {
            failures.add(what);
        }
    }

    void results(Observed o) {
        DrillDatabase db = o.db();
        DrillDatabase.Pipeline p = db.pipeline();
        long resources = p.resources();
        long quarantined = p.quarantined();
        long documents = p.documents();
        long registered = p.registered();
        long notRegistered = p.notRegistered();
        long deprecations = db.count("SELECT count(*) FROM registry.deprecation");
        long registryDocuments = number(o.registryCounts(), "registered");
        long current = p.current();
        long approved = number(o.registryCounts(), "approved");
        lines.add("| what | count |");
        lines.add("|---|---:|");
        lines.add("| resources the gateway delivered (a report's entries one by one) | " + o.gatewayResources() + " |");
        lines.add("| stored in ingest.resource (each once: its primary key) | " + resources + " |");
        lines.add("| quarantined | " + quarantined + " |");
        lines.add("| documents built (repository.document) | " + documents + " |");
        lines.add("| registrations recorded REGISTERED / other | " + registered + " / " + notRegistered + " |");
        lines.add("| documents the registry stand-in holds | " + registryDocuments + " |");
        lines.add("| current versions in our database / Approved in the registry | " + current + " / " + approved + " |");
        lines.add("| submissions the stand-in received / documents re-sent (answered as duplicates) / most submissions of one document | "
                + number(o.registryCounts(), "submissions") + " / " + number(o.registryCounts(), "resentDocuments") + " / "
                + number(o.registryCounts(), "mostSubmissionsOfOneDocument") + " |");
        lines.add("| deprecations (ITI-57) recorded / applied by the stand-in / re-sent | " + deprecations + " / "
                + number(o.registryCounts(), "deprecations") + " / " + number(o.registryCounts(), "resentDeprecations") + " |");
        Map<RetrieveLoad.Outcome, Long> outcomes = new EnumMap<>(RetrieveLoad.Outcome.class);
        o.retrieves().forEach(r -> outcomes.merge(r.outcome(), 1L, Long::sum));
        lines.add("| ITI-43 retrieves: " + outcomes + " | " + o.retrieves().size() + " |");
        long audited = db.auditedRetrieves(o.loadStarted());
        long ok = outcomes.getOrDefault(RetrieveLoad.Outcome.OK, 0L);
        lines.add("| audit rows RETRIEVED since the load began | " + audited + " |");
        freshness("freshness, resource received → registered, for resources that arrived during the load", db.freshness(o.loadStarted()));
        freshness("freshness in steady load (resources that arrived before the first kill)", db.freshness(o.loadStarted(),
                o.failovers().isEmpty() ? Instant.now() : o.failovers().get(0)[0]));
        lines.add("");
        lines.add("| failover | killed → promoted | retrieves: longest time without an answered one | registrations: last before → first after | instances DOWN → UP again |");
        lines.add("|---|---:|---:|---:|---:|");
        int round = 1;
        List<Instant[]> windows = new ArrayList<>();
        for (Instant[] failover : o.failovers()) {
            Instant killed = failover[0];
            Instant firstOk = firstOk(o.retrieves(), killed).orElse(null);
            Instant lastRegistered = db.lastRegistrationBefore(killed);
            Instant firstRegistered = db.firstRegistrationAfter(killed);
            long down = o.transitions().stream().filter(t -> t.at().isAfter(killed) && !t.to().equals("UP")).count();
            long up = o.transitions().stream().filter(t -> t.at().isAfter(killed) && t.to().equals("UP")).count();
            lines.add("| " + round++ + " | " + millis(killed, failover[1]) + " | " + longestGap(o.retrieves(), killed) + " | "
                    + millis(lastRegistered, firstRegistered) + " | " + down + " → " + up + " |");
            windows.add(new Instant[] {killed.minusSeconds(1), firstOk == null ? Instant.MAX : firstOk.plusSeconds(5)});
        }
        lines.add("");
        lines.add("| check | passed |");
        lines.add("|---|---|");
        check(quarantined == 0 && resources == o.gatewayResources(), "every gateway resource stored exactly once");
        check(registered == documents && notRegistered == 0, "every document registered (recorded REGISTERED)");
        check(registryDocuments == documents, "the registry holds each document once, none missing");
        check(approved == current, "the registry shows exactly the versions our database calls current");
        check(deprecations > 0 && number(o.registryCounts(), "deprecations") == deprecations,
                "every deprecation (withdrawn days) applied once, and there were some");
        check(outcomes.getOrDefault(RetrieveLoad.Outcome.WRONG, 0L) == 0, "no retrieve answered a wrong document");
        check(outcomes.getOrDefault(RetrieveLoad.Outcome.UNCLEAN, 0L) == 0, "every refused retrieve a clean SOAP fault");
        long outside = o.retrieves().stream().filter(r -> r.outcome() != RetrieveLoad.Outcome.OK)
                .filter(r -> windows.stream().noneMatch(w -> !r.at().isBefore(w[0]) && !r.at().isAfter(w[1])))
                .filter(r -> !(r.outcome() == RetrieveLoad.Outcome.UNREACHABLE && restarted(o.fleet(), r.instance())))
                .count();
        check(outside == 0, "retrieves failed only while the database switched (or at an instance being restarted): "
                + outside + " outside");
        check(audited >= ok, "an audit row for every answered retrieve (" + audited + " rows, " + ok + " answered)");
        check(o.fleet().instances().stream().filter(i -> i.process().isAlive())
                .allMatch(i -> o.fleet().ready(i)), "every running instance ready at the end, none restarted by hand");
        check(o.failovers().size() == 2, "two failovers in one run (fail over, fail back)");
    }

    /**
     * After a restore to a point in time: the work after that point is lost from our database
     * (RPO, the documents built after it) and done again from the gateway's window; the registry,
     * which kept everything, must end with each document once and nothing it did not have but the
     * documents the lost work would have given it anyway.
     */
    void restore(Restored r) {
        DrillDatabase db = r.db();
        DrillDatabase.Pipeline p = db.pipeline();
        long resources = p.resources();
        long quarantined = p.quarantined();
        long documents = p.documents();
        long registered = p.registered();
        long notRegistered = p.notRegistered();
        long registryBefore = number(r.registryBefore(), "registered");
        long registryAfter = number(r.registryAfter(), "registered");
        long current = p.current();
        long approved = number(r.registryAfter(), "approved");
        long resent = number(r.registryAfter(), "resentDocuments") - number(r.registryBefore(), "resentDocuments");
        long lastArchive = r.archiver().get("last_archived_time") instanceof java.sql.Timestamp t
                ? Duration.between(t.toInstant(), ((java.sql.Timestamp) r.archiver().get("now")).toInstant()).toSeconds() : -1;
        lines.add("| what | count |");
        lines.add("|---|---:|");
        lines.add("| documents at the restore point / at the loss / in the restored database | " + r.documentsAtTarget()
                + " / " + r.documentsLost() + " / " + r.documentsRestored() + " |");
        lines.add("| documents the registry held at the loss / at the end | " + registryBefore + " / " + registryAfter + " |");
        lines.add("| after the restore: resources stored / quarantined | " + resources + " / " + quarantined + " |");
        lines.add("| after the restore: documents built / recorded REGISTERED / other | " + documents + " / " + registered
                + " / " + notRegistered + " |");
        lines.add("| after the restore: current versions in our database / Approved in the registry | " + current + " / "
                + approved + " |");
        lines.add("| documents sent again that the registry already had (answered as duplicates, recorded registered) | "
                + resent + " |");
        lines.add("| RPO: the newest WAL archived this long before the loss (s) | " + lastArchive + " |");
        lines.add("| RTO: loss → services ready on the restored database (s) | "
                + Duration.between(r.lost(), r.serving()).toSeconds() + " |");
        lines.add("");
        lines.add("| check | passed |");
        lines.add("|---|---|");
        check(r.documentsRestored() <= r.documentsLost() && r.documentsRestored() > 0,
                "the restored database holds the state of the restore point, not of the loss");
        check(quarantined == 0 && resources == StandIns.gatewayResources(),
                "the gateway's window delivered again: every resource stored once");
        check(registered == documents && notRegistered == 0, "every document rebuilt and recorded REGISTERED");
        check(approved == current, "the registry shows exactly the versions our database calls current: no series "
                + "with two current versions, none missing (" + approved + " Approved, " + current + " current)");
        check(registryAfter >= documents && registryAfter - documents <= number(r.registryBefore(), "registered")
                - r.documentsRestored(), "beyond what we built, the registry holds only versions built before the loss ("
                + (registryAfter - documents) + ")");
        check(resent > 0, "the drill reached the case that matters: documents the registry already had were sent "
                + "again (" + resent + ") and answered as duplicates");
    }

    private void freshness(String what, Map<String, Object> freshness) {
        lines.add("| " + what + ": p50 / p95 / worst (s), over " + freshness.get("n") + " documents | "
                + seconds(freshness.get("p50")) + " / " + seconds(freshness.get("p95")) + " / "
                + seconds(freshness.get("worst")) + " |");
    }

    private static boolean restarted(ServiceFleet fleet, String instance) {
        int port = Integer.parseInt(instance.substring(instance.indexOf(':') + 1));
        return fleet.instances().stream().filter(i -> i.port() == port).count() > 1;
    }

    /**
     * The longest stretch without an answered retrieve from just before the kill to a minute
     * after: the time retrieves were down. (Last success before the kill to the first after would
     * count a request that slipped through in the kill's first milliseconds as recovery.)
     */
    private static String longestGap(List<RetrieveLoad.Result> results, Instant killed) {
        List<Instant> answered = results.stream().filter(r -> r.outcome() == RetrieveLoad.Outcome.OK)
                .map(RetrieveLoad.Result::at).filter(at -> at.isAfter(killed.minusSeconds(5))
                        && at.isBefore(killed.plusSeconds(60))).sorted().toList();
        Duration longest = Duration.ZERO;
        for (int i = 1; i < answered.size(); i++) {
            Duration gap = Duration.between(answered.get(i - 1), answered.get(i));
            longest = gap.compareTo(longest) > 0 ? gap : longest;
        }
        return answered.size() < 2 ? "–" : "%.1f s".formatted(longest.toMillis() / 1000.0);
    }

    private static Optional<Instant> firstOk(List<RetrieveLoad.Result> results, Instant after) {
        return results.stream().filter(r -> r.outcome() == RetrieveLoad.Outcome.OK && r.at().isAfter(after))
                .map(RetrieveLoad.Result::at).min(Instant::compareTo);
    }

    private static String millis(Instant from, Instant to) {
        return from == null || to == null ? "–" : "%.1f s".formatted(Duration.between(from, to).toMillis() / 1000.0);
    }

    private static String seconds(Object value) {
        return value == null ? "–" : "%.1f".formatted(((Number) value).doubleValue());
    }

    static long number(String json, String field) {
        String value = json.replaceAll(".*\"" + field + "\":(\\d+).*", "$1");
        return value.equals(json) ? -1 : Long.parseLong(value);
    }

    void print(Duration took) {
        System.out.println();
        System.out.println("## " + title + ", " + Instant.now() + " (" + took.toSeconds() + " s)");
        System.out.println();
        System.out.println("```");
        steps.forEach(System.out::println);
        System.out.println("```");
        System.out.println();
        lines.forEach(System.out::println);
        System.out.println();
        System.out.println(failures.isEmpty() ? "ALL CHECKS PASSED" : "FAILED: " + String.join("; ", failures));
    }
}
