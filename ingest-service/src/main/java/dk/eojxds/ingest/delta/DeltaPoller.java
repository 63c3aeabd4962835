package dk.eojxds.ingest.delta;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls every feed: reads all pages changed since the feed's cursor and commits them one by one.
 * <p>
 * The cursor becomes the newest {@code meta.lastUpdated} seen, but never later than now minus
 * the safety window: the gateway's transactions commit out of timestamp order, so a resource
 * stamped a moment ago may become visible only later. The overlap is read again on the next poll
 * and de-duplicated by the version-aware upsert.
 */
@Component
class DeltaPoller {

    private static final Logger log = LoggerFactory.getLogger(DeltaPoller.class);

    private final GatewayClient gateway;
    private final TelmaPageReader reader;
    private final PageIngestor ingestor;
    private final IngestStore store;
    private final GatewayProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, FeedStatus> status = new ConcurrentHashMap<>();

    DeltaPoller(GatewayClient gateway, TelmaPageReader reader, PageIngestor ingestor, IngestStore store,
                GatewayProperties properties, MeterRegistry meters, Optional<Clock> clock) {
        this.gateway = gateway;
        this.reader = reader;
        this.ingestor = ingestor;
        this.store = store;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    List<Feed> feeds() {
        return List.of(Feed.TELMA_OBSERVATIONS);
    }

    @Scheduled(fixedDelayString = "${eojxds.fkg.poll-interval}", initialDelayString = "PT1S")
    void pollAll() {
        if (!properties.enabled()) {
            return;
        }
        for (Feed feed : feeds()) {
            // One failing feed never stops the others.
            try {
                poll(feed);
            } catch (RuntimeException e) {
                status.put(feed.name(), FeedStatus.failed(clock.instant(), e));
                log.error("Polling feed {} failed; it will be retried at the next poll", feed.name(), e);
            }
        }
    }

    /** Reads and commits everything the gateway has changed since the feed's cursor. */
    int poll(Feed feed) {
        Instant cursor = store.cursor(feed).orElseGet(() -> clock.instant().minus(properties.initialLookback()));
        Instant ceiling = clock.instant().minus(properties.safetyWindow());
        Instant newest = cursor;
        int pages = 0;
        Bundle page = gateway.changedSince(feed, cursor);
        while (page != null) {
            Bundle current = page;
            Timer.Sample sample = Timer.start(meters);
            PageContent content = reader.read(feed, current, GatewayClient.position(current, cursor));
            if (content.newestLastUpdated() != null && content.newestLastUpdated().isAfter(newest)) {
                newest = content.newestLastUpdated();
            }
            Instant newCursor = newest.isAfter(ceiling) ? ceiling : newest;
            ingestor.commit(feed, content, newCursor.isBefore(cursor) ? cursor : newCursor);
            sample.stop(meters.timer("eojxds.ingest.page", "feed", feed.name()));
            pages++;
            page = gateway.nextPage(current).orElse(null);
        }
        status.put(feed.name(), FeedStatus.ok(clock.instant()));
        return pages;
    }

    Map<String, FeedStatus> status() {
        return Map.copyOf(status);
    }

    /** The outcome of a feed's last poll, for health. */
    record FeedStatus(Instant at, String error) {

        static FeedStatus ok(Instant at) {
            return new FeedStatus(at, null);
        }

        static FeedStatus failed(Instant at, Exception e) {
            return new FeedStatus(at, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
