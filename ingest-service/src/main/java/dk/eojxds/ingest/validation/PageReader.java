package dk.eojxds.ingest.validation;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.feed.GatewayProperties;
import dk.eojxds.ingest.gateway.GatewayPage;
import dk.eojxds.ingest.validation.support.Timing;
import dk.eojxds.model.DataFamily;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Reads a page entry by entry with the feed family's reader; a bad entry never stops the others. */
@Component
public class PageReader {

    private final Map<DataFamily, FamilyReader> readers = new EnumMap<>(DataFamily.class);
    private final int maxResourceChars;

    @Autowired
    PageReader(List<FamilyReader> readers, GatewayProperties properties) {
        this(readers, properties.maxResourceChars());
    }

    PageReader(List<FamilyReader> readers, int maxResourceChars) {
        readers.forEach(reader -> this.readers.put(reader.family(), reader));
        this.maxResourceChars = maxResourceChars;
    }

    public PageContent read(Feed feed, GatewayPage page) {
        FamilyReader reader = readers.get(feed.family());
        List<IngestedResource> accepted = new ArrayList<>();
        List<RejectedResource> rejected = new ArrayList<>();
        List<WithheldResource> withheld = new ArrayList<>();
        // Parsing and validation are CPU-bound and independent per entry: spread them over the cores.
        List<EntryOutcome> outcomes = page.entries().parallelStream().map(entry -> read(reader, feed, entry)).toList();
        for (EntryOutcome outcome : outcomes) {
            accepted.addAll(outcome.accepted());
            if (outcome.rejected() != null) {
                rejected.add(outcome.rejected());
            }
            withheld.addAll(outcome.withheld());
        }
        return new PageContent(page.selfUrl(), accepted, rejected, withheld, page.newestLastUpdated());
    }

    public EntryOutcome read(FamilyReader reader, Feed feed, GatewayPage.RawEntry entry) {
        if (entry.problem() != null) {
            return EntryOutcome.reject(entry.resourceType(), usableId(entry.id()), List.of(entry.problem()), entry.json());
        }
        if (usableId(entry.id()) == null) {
            // nothing can be stored under no id; kept in the quarantine once per distinct payload
            return EntryOutcome.reject(entry.resourceType(), null, List.of("id: the resource has no id, or one that is "
                    + "not a FHIR id ([A-Za-z0-9-.]{1,64}; Resource.id)"), entry.json());
        }
        if (entry.lastUpdated() != null && Timing.inFuture(entry.lastUpdated())) {
            return EntryOutcome.reject(entry.resourceType(), entry.id(), List.of("timing: meta.lastUpdated "
                    + entry.lastUpdated() + " is in the future"), entry.json());
        }
        if (entry.json().length() > maxResourceChars) {
            // kept whole in the quarantine all the same: nothing is dropped
            return EntryOutcome.reject(entry.resourceType(), entry.id(), List.of("payload-size: the resource has "
                    + entry.json().length() + " characters; the limit is " + maxResourceChars), entry.json());
        }
        try {
            return reader.read(feed, entry);
        } catch (RuntimeException | StackOverflowError e) {
            // A reader bug on one odd resource (or nesting too deep to walk) must not lose it, nor stop
            // its page: quarantine it with the cause.
            return EntryOutcome.reject(entry.resourceType(), entry.id(),
                    List.of("reader-error: " + e.getClass().getSimpleName() + ": " + e.getMessage()), entry.json());
        }
    }

    private static final java.util.regex.Pattern FHIR_ID = java.util.regex.Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    /** The id if it is one FHIR allows (R4 id datatype), else null. */
    static String usableId(String id) {
        return id != null && FHIR_ID.matcher(id).matches() ? id : null;
    }

    public FamilyReader reader(DataFamily family) {
        return readers.get(family);
    }
}
