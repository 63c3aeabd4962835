package dk.eojxds.ingest.store;

import dk.eojxds.handover.Priority;
import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.validation.EntryOutcome;
import dk.eojxds.ingest.validation.IngestedResource;
import dk.eojxds.ingest.validation.PageContent;
import dk.eojxds.ingest.validation.RejectedResource;
import dk.eojxds.ingest.validation.WithheldResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one read came to, collected per feed for its one commit ({@link IngestCommit}): accepted,
 * quarantined and withheld resources, and where the feed's cursor moves. Every way data comes in
 * (polls, push, the initial load, re-processing) collects into one, so all of them are stored,
 * counted and committed alike.
 *
 * @param position where the read was (a page's URL, a file, a push's timestamp), kept with what it quarantines
 * @param priority the change rows' priority: live traffic before backlog
 */
public record Batch(String position, Priority priority, Map<Feed, List<IngestedResource>> accepted,
                    Map<Feed, List<RejectedResource>> rejected, Map<Feed, List<WithheldResource>> withheld,
                    Map<Feed, Instant> cursors) {

    public Batch(String position, Priority priority) {
        this(position, priority, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                new LinkedHashMap<>());
    }

    /** A page read by a poll: its entries for the feed, at live priority. */
    public static Batch of(Feed feed, PageContent page) {
        Batch batch = new Batch(page.position(), Priority.LIVE);
        batch.accept(feed, page.accepted());
        page.rejected().forEach(r -> batch.reject(feed, r));
        batch.withhold(feed, page.withheld());
        return batch;
    }

    /** One entry's outcome, all of it under {@code feed}. */
    public Batch add(Feed feed, EntryOutcome outcome) {
        return add(feed, outcome, feed);
    }

    /** One entry's outcome, its quarantined part under {@code quarantineFeed} (the initial load's own). */
    public Batch add(Feed feed, EntryOutcome outcome, Feed quarantineFeed) {
        accept(feed, outcome.accepted());
        if (outcome.rejected() != null) {
            reject(quarantineFeed, outcome.rejected());
        }
        return withhold(feed, outcome.withheld());
    }

    public Batch accept(Feed feed, List<IngestedResource> resources) {
        if (!resources.isEmpty()) {
            accepted.computeIfAbsent(feed, f -> new ArrayList<>()).addAll(resources);
        }
        return this;
    }

    public Batch reject(Feed feed, RejectedResource resource) {
        rejected.computeIfAbsent(feed, f -> new ArrayList<>()).add(resource);
        return this;
    }

    public Batch withhold(Feed feed, List<WithheldResource> resources) {
        if (!resources.isEmpty()) {
            withheld.computeIfAbsent(feed, f -> new ArrayList<>()).addAll(resources);
        }
        return this;
    }

    /** Moves the feed's cursor to {@code position} with the commit (never back); null leaves it. */
    public Batch moveCursor(Feed feed, Instant position) {
        if (position != null) {
            cursors.put(feed, position);
        }
        return this;
    }

    /** Everything quarantined, whichever feed. */
    public List<RejectedResource> allRejected() {
        return rejected.values().stream().flatMap(List::stream).toList();
    }

    public int withheldCount() {
        return withheld.values().stream().mapToInt(List::size).sum();
    }
}
