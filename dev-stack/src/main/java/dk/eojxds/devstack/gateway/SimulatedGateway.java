package dk.eojxds.devstack.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * The simulator's store: the current version of every resource, stamped with meta.versionId and
 * meta.lastUpdated on publication, the way the gateway's FHIR server does it.
 */
@Component
public class SimulatedGateway {

    private final Map<String, Resource> resources = new HashMap<>();
    // what a reader stores, once each: a report's (Bundle's) entries, any other resource itself
    private final java.util.Set<String> entries = new java.util.HashSet<>();
    private final Clock clock;
    private Instant lastStamp = Instant.EPOCH;

    public SimulatedGateway(Optional<Clock> clock) {
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Publishes a new version now. */
    public synchronized Resource publish(Resource resource) {
        // Strictly increasing stamps keep the simulated feed ordered like a real server's.
        Instant now = clock.instant();
        Instant stamp = now.isAfter(lastStamp) ? now : lastStamp.plusMillis(1);
        lastStamp = stamp;
        return publishStamped(resource, stamp);
    }

    /**
     * Publishes with a given lastUpdated, which may be older than resources already visible: what
     * a transaction that commits late looks like to a reader.
     */
    public synchronized Resource publishStamped(Resource resource, Instant lastUpdated) {
        String key = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        Resource previous = resources.get(key);
        long version = previous == null ? 1 : Long.parseLong(previous.getMeta().getVersionId()) + 1;
        Resource copy = resource.copy();
        copy.setId(resource.getIdElement().getIdPart());
        copy.getMeta().setVersionId(Long.toString(version));
        copy.getMeta().setLastUpdated(java.util.Date.from(lastUpdated));
        resources.put(key, copy);
        if (copy instanceof org.hl7.fhir.r4.model.Bundle report) {
            report.getEntry().forEach(e -> entries.add(e.getResource().fhirType() + "/"
                    + e.getResource().getIdElement().getIdPart()));
        } else {
            entries.add(key);
        }
        return copy.copy();
    }

    /** Resources of a type with lastUpdated in [from, to), oldest first. */
    public synchronized List<Resource> changed(String type, Instant from, boolean fromInclusive, Instant to) {
        List<Resource> matching = new ArrayList<>();
        for (Resource resource : resources.values()) {
            if (!resource.fhirType().equals(type)) {
                continue;
            }
            Instant updated = resource.getMeta().getLastUpdated().toInstant();
            boolean afterFrom = from == null || (fromInclusive ? !updated.isBefore(from) : updated.isAfter(from));
            boolean beforeTo = to == null || updated.isBefore(to);
            if (afterFrom && beforeTo) {
                matching.add(resource.copy());
            }
        }
        matching.sort(Comparator.comparing((Resource r) -> r.getMeta().getLastUpdated())
                .thenComparing(r -> r.getIdElement().getIdPart()));
        return matching;
    }

    public synchronized Optional<Resource> read(String type, String id) {
        return Optional.ofNullable(resources.get(type + "/" + id)).map(Resource::copy);
    }

    public synchronized int size() {
        return resources.size();
    }

    /**
     * How many distinct resources a reader of every feed stores: a DeliveryReport's entries count
     * one by one (a resource in several versions of a report once), any other resource itself.
     */
    public synchronized int entries() {
        return entries.size();
    }
}
