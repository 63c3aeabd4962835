package dk.eojxds.ingest.delta;

import dk.eojxds.model.DataFamily;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reads a page entry by entry with the feed family's reader; a bad entry never stops the others. */
@Component
class PageReader {

    private final Map<DataFamily, FamilyReader> readers = new EnumMap<>(DataFamily.class);
    private final int maxResourceChars;

    PageReader(List<FamilyReader> readers,
               @Value("${eojxds.fkg.max-resource-chars:5000000}") int maxResourceChars) {
        readers.forEach(reader -> this.readers.put(reader.family(), reader));
        this.maxResourceChars = maxResourceChars;
    }

    PageContent read(Feed feed, GatewayPage page) {
        FamilyReader reader = readers.get(feed.family());
        List<IngestedResource> accepted = new ArrayList<>();
        List<RejectedResource> rejected = new ArrayList<>();
        // Parsing and validation are CPU-bound and independent per entry: spread them over the cores.
        List<EntryOutcome> outcomes = page.entries().parallelStream().map(entry -> read(reader, feed, entry)).toList();
        for (EntryOutcome outcome : outcomes) {
            accepted.addAll(outcome.accepted());
            if (outcome.rejected() != null) {
                rejected.add(outcome.rejected());
            }
        }
        return new PageContent(page.selfUrl(), accepted, rejected, page.newestLastUpdated());
    }

    EntryOutcome read(FamilyReader reader, Feed feed, GatewayPage.RawEntry entry) {
        if (entry.json().length() > maxResourceChars) {
            // kept whole in the quarantine all the same: nothing is dropped
            return EntryOutcome.reject(entry.resourceType(), entry.id(), List.of("payload-size: the resource has "
                    + entry.json().length() + " characters; the limit is " + maxResourceChars), entry.json());
        }
        try {
            return reader.read(feed, entry);
        } catch (RuntimeException e) {
            // A reader bug on one odd resource must not lose it: quarantine it with the cause.
            return EntryOutcome.reject(entry.resourceType(), entry.id(),
                    List.of("reader-error: " + e.getClass().getSimpleName() + ": " + e.getMessage()), entry.json());
        }
    }

    FamilyReader reader(DataFamily family) {
        return readers.get(family);
    }
}
