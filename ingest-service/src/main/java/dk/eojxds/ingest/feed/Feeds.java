package dk.eojxds.ingest.feed;

import dk.eojxds.model.DataFamily;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every way data comes in, as feeds, in one registry: the feeds polled from the gateway
 * ({@code eojxds.fkg.feeds}), the gateway's FSIII push, and the initial load (a feed per resource
 * type it loads). Stored resources and quarantined items name the feed they came by; re-processing
 * finds that feed here and goes through the same reader and rules as the first time, whichever
 * way the data came.
 */
@Component
public class Feeds {

    /** Pushed FSIII DeliveryReports ({@code POST /fhir/push/care-incremental-delivery}). */
    public static final Feed PUSH = new Feed("fsiii-push", DataFamily.FSIII, "Bundle", null, 0);

    /** The name an initial load's quarantined items carry (a line may name no loadable type at all). */
    public static final String INITIAL_LOAD = "initial-load";
    public static final Feed INITIAL_LOAD_TELMA = new Feed("initial-load-telma", DataFamily.TELMA, "Observation", null, 0);
    public static final Feed INITIAL_LOAD_KPRO = new Feed("initial-load-kpro", DataFamily.KPRO, "QuestionnaireResponse", null, 0);
    public static final Feed INITIAL_LOAD_FSIII = new Feed("initial-load-fsiii", DataFamily.FSIII, "Bundle", null, 0);
    public static final Feed INITIAL_LOAD_QUARANTINE = new Feed(INITIAL_LOAD, null, null, null, 0);
    private static final List<Feed> INITIAL_LOAD_FEEDS = List.of(INITIAL_LOAD_TELMA, INITIAL_LOAD_KPRO, INITIAL_LOAD_FSIII);

    private final List<Feed> polled;

    Feeds(GatewayProperties properties) {
        this.polled = properties.feeds().entrySet().stream().filter(e -> e.getValue().enabled())
                .map(e -> Feed.of(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Feed::name)).toList();
    }

    /** The enabled feeds polled from the gateway, by name. */
    public List<Feed> polled() {
        return polled;
    }

    public Optional<Feed> polled(String name) {
        return polled.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The initial load's feed for a resource type: Observation, QuestionnaireResponse or Bundle. */
    public static Optional<Feed> initialLoad(String resourceType) {
        return INITIAL_LOAD_FEEDS.stream().filter(f -> f.resourceType().equals(resourceType)).findFirst();
    }

    /**
     * The feed an item came by, from what is kept of it: its feed's name and its resource type (the
     * initial load's quarantined items name only {@value #INITIAL_LOAD}).
     */
    public Optional<Feed> of(String name, String resourceType) {
        if (INITIAL_LOAD.equals(name)) {
            return initialLoad(resourceType);
        }
        if (PUSH.name().equals(name)) {
            return Optional.of(PUSH);
        }
        return polled(name).or(() -> INITIAL_LOAD_FEEDS.stream().filter(f -> f.name().equals(name)).findFirst());
    }
}
