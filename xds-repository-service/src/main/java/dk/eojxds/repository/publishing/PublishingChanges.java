package dk.eojxds.repository.publishing;

import dk.eojxds.handover.ChangeQueue;
import dk.eojxds.handover.Priority;
import dk.eojxds.handover.RegistryVersions;
import dk.eojxds.repository.reference.Municipalities;
import dk.eojxds.repository.reference.MunicipalitiesLoaded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes publishing states for operators, one request one transaction (a wave of municipalities
 * goes live together or not at all), and does at the registry what the new state says:
 * <ul>
 * <li>live: the held series are published as backlog (the current document registered, replacing
 *     the version the registry shows; a series withdrawn meanwhile deprecated there; a document the
 *     registry deprecated when the municipality was withdrawn rebuilt as a new version, a new
 *     series at the registry);</li>
 * <li>paused: documents waiting in the registration outbox are taken back and held (deprecations
 *     of data withdrawn as entered in error still go: wrong data must not stay visible);</li>
 * <li>withdrawn: as paused, and every version the registry shows is deprecated (ITI-57).</li>
 * </ul>
 * Each change is recorded with the principal, the time, the old and new state and the reason.
 */
@Service
class PublishingChanges {

    private static final Logger log = LoggerFactory.getLogger(PublishingChanges.class);
    static final String WITHDRAWN_WHILE_HELD = "the data was withdrawn while its municipality was not live";

    private final Publications publications;
    private final Municipalities municipalities;
    private final RegistryVersions versions;
    private final ChangeQueue changes;

    PublishingChanges(Publications publications, Municipalities municipalities, RegistryVersions versions,
                      ChangeQueue changes) {
        this.publications = publications;
        this.municipalities = municipalities;
        this.versions = versions;
        this.changes = changes;
    }

    /** What an operator asks: these municipalities, these families, this state, for this reason. */
    record Request(List<Integer> municipalities, List<String> families, PublishingState state, String reason) {
    }

    /** What one municipality and family went through. */
    record Outcome(int municipality, String family, PublishingState from, PublishingState to,
                   int registrationsQueued, int deprecationsQueued, int rebuilt, int heldBack) {
    }

    /** A request that names what does not exist or asks for a change the states do not allow. */
    static final class Refused extends RuntimeException {
        final boolean conflict;

        Refused(String message, boolean conflict) {
            super(message);
            this.conflict = conflict;
        }
    }

    @Transactional
    public List<Outcome> change(Request request, String principal) {
        publications.lockExclusive();
        Map<Integer, Municipalities.Municipality> known = municipalities.all().stream()
                .collect(Collectors.toMap(Municipalities.Municipality::code, Function.identity()));
        List<Integer> unknown = request.municipalities().stream().filter(code -> !known.containsKey(code)).toList();
        if (!unknown.isEmpty()) {
            throw new Refused("unknown municipality codes " + unknown + " (not in the reference data)", false);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int code : new TreeSet<>(request.municipalities())) {
            for (String family : request.families()) {
                outcomes.add(change(known.get(code), family, request.state(), principal, request.reason()));
            }
        }
        return outcomes;
    }

    private Outcome change(Municipalities.Municipality municipality, String family, PublishingState next,
                           String principal, String reason) {
        PublishingState old = publications.recorded(municipality.code(), family)
                .map(Publications.Publication::state).orElse(PublishingState.PENDING);
        if (old == next) {
            return new Outcome(municipality.code(), family, old, next, 0, 0, 0, 0);
        }
        if (!old.canBecome(next)) {
            throw new Refused("%s (%d) %s cannot go from %s to %s".formatted(municipality.name(), municipality.code(),
                    family, old, next), true);
        }
        Outcome outcome = apply(municipality, family, old, next, reason);
        publications.record(municipality.code(), family, old, next, principal, reason);
        log.info("Publishing of {} ({}) {} changed from {} to {} by {}: {} ({} registrations and {} deprecations "
                        + "queued, {} rebuilt, {} taken back)", municipality.name(), municipality.code(), family, old,
                next, principal, reason, outcome.registrationsQueued(), outcome.deprecationsQueued(), outcome.rebuilt(),
                outcome.heldBack());
        return outcome;
    }

    private Outcome apply(Municipalities.Municipality municipality, String family, PublishingState old,
                          PublishingState next, String reason) {
        String sor = municipality.sorCode();
        if (sor == null) {
            // no document can be this municipality's until the reference data gives it a SOR code
            return new Outcome(municipality.code(), family, old, next, 0, 0, 0, 0);
        }
        return switch (next) {
            case LIVE -> {
                RegistryVersions.Published published = publishHeld(sor, family);
                yield new Outcome(municipality.code(), family, old, next, published.registrations(),
                        published.deprecations(), published.rebuilds().size(), 0);
            }
            case PAUSED -> new Outcome(municipality.code(), family, old, next, 0, 0, 0,
                    versions.holdQueued(sor, family));
            case WITHDRAWN -> {
                int heldBack = versions.holdQueued(sor, family);
                int deprecated = versions.deprecateShown(sor, family,
                        "the municipality was withdrawn from publishing: " + reason);
                yield new Outcome(municipality.code(), family, old, next, 0, deprecated, 0, heldBack);
            }
            case PENDING -> throw new IllegalStateException("nothing becomes pending");
        };
    }

    /**
     * The reference data may have given a SOR code to a municipality, or moved one: series held
     * because their author's SOR code mapped to no municipality may now belong to a live one.
     */
    @EventListener
    public void municipalitiesLoaded(MunicipalitiesLoaded loaded) {
        publications.lockExclusive();
        Map<Integer, String> sorCodes = municipalities.all().stream().filter(m -> m.sorCode() != null)
                .collect(Collectors.toMap(Municipalities.Municipality::code, Municipalities.Municipality::sorCode));
        for (Publications.Publication p : publications.recorded()) {
            String sor = sorCodes.get(p.municipalityCode());
            if (p.state() == PublishingState.LIVE && sor != null) {
                RegistryVersions.Published published = publishHeld(sor, p.family());
                if (published.registrations() + published.deprecations() > 0) {
                    log.info("Reference data gave {} documents of live municipality {} {} to register", 
                            published.registrations(), p.municipalityCode(), p.family());
                }
            }
        }
    }

    // the held series' newest state to the registry; deprecated current documents rebuilt as backlog
    private RegistryVersions.Published publishHeld(String sor, String family) {
        RegistryVersions.Published published = versions.publishHeld(sor, family, WITHDRAWN_WHILE_HELD);
        changes.requeue(published.rebuilds(), Priority.BACKLOG);
        return published;
    }
}
