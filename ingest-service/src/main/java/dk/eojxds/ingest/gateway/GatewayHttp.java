package dk.eojxds.ingest.gateway;

import dk.eojxds.ingest.feed.GatewayProperties;
import dk.eojxds.model.Backoff;
import dk.eojxds.model.LogSafe;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * GET against the gateway with timeouts on every call, a bearer token when configured, and
 * retries with exponential backoff and jitter on 5xx, 429 and network errors, honouring
 * {@code Retry-After}. Other 4xx answers are not retried: they will not get better. Requests go
 * only to the gateway's own origins ({@link GatewayOrigins}): a URL or a redirect elsewhere is
 * refused before anything (the token least of all) is sent; same-origin redirects are followed.
 */
@Component
public class GatewayHttp {

    private static final Logger log = LoggerFactory.getLogger(GatewayHttp.class);

    private final HttpClient http;
    private final GatewayProperties properties;
    private final AccessTokens tokens;
    private final Sleeper sleeper;
    private final GatewayOrigins origins;
    private final MeterRegistry meters;
    private static final int MAX_REDIRECTS = 5;

    GatewayHttp(GatewayProperties properties, AccessTokens tokens, Optional<Sleeper> sleeper, GatewayOrigins origins,
                MeterRegistry meters) {
        this.properties = properties;
        this.tokens = tokens;
        this.sleeper = sleeper.orElse(Thread::sleep);
        this.origins = origins;
        this.meters = meters;
        // redirects are followed here, by hand, only within the gateway's origins
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Pauses between attempts; replaceable in tests. */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** A page's text, and whether it had bytes that are not UTF-8 (decoded as U+FFFD, never silently). */
    record Body(String text, boolean invalidUtf8) {
    }

    Body get(String requested) {
        RuntimeException last = null;
        String url = requested;
        int redirects = 0;
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            Duration wait;
            try {
                refuseForeign(url, requested);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                        .timeout(properties.readTimeout())
                        .header("Accept", "application/fhir+json");
                tokens.current().ifPresent(token -> request.header("Authorization", "Bearer " + token));
                HttpResponse<byte[]> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                    if (++redirects > MAX_REDIRECTS) {
                        throw new GatewayUnavailableException("more than " + MAX_REDIRECTS + " redirects from " + requested,
                                null);
                    }
                    url = URI.create(url).resolve(response.headers().firstValue("Location").get()).toString();
                    attempt--;
                    continue;
                }
                if (status == 200) {
                    return decode(response.body());
                }
                if (status == 401) {
                    tokens.invalidate();
                }
                if (status != 429 && status < 500 && status != 401) {
                    throw new GatewayUnavailableException("gateway answered " + status + " for " + url, null);
                }
                last = new GatewayUnavailableException("gateway answered " + status, null);
                wait = retryAfter(response).orElse(backoff(attempt));
            } catch (IOException e) {
                last = new GatewayUnavailableException("gateway unreachable: " + e, e);
                wait = backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayUnavailableException("interrupted", e);
            }
            if (attempt < properties.maxAttempts()) {
                log.warn("Gateway call failed (attempt {} of {}), retrying in {} ms: {}", attempt,
                        properties.maxAttempts(), wait.toMillis(), last.getMessage());
                pause(wait);
            }
        }
        throw new GatewayUnavailableException("gateway failed " + properties.maxAttempts() + " times for " + url, last);
    }

    private static Body decode(byte[] bytes) {
        try {
            return new Body(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString(), false);
        } catch (CharacterCodingException e) {
            return new Body(new String(bytes, StandardCharsets.UTF_8), true);
        }
    }

    private void refuseForeign(String url, String requested) {
        if (!origins.allows(url)) {
            meters.counter("eojxds.ingest.foreign.urls").increment();
            log.error("Refused to call {} (reached from {}): it is not the gateway's origin, and the gateway's "
                    + "credentials go nowhere else", LogSafe.text(url), LogSafe.text(requested));
            throw new GatewayUnavailableException("refused a URL outside the gateway's origin: " + LogSafe.text(url), null);
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("interrupted", e);
        }
    }

    Duration backoff(int attempt) {
        return Backoff.jittered(properties.firstRetry(), properties.maxRetry(), attempt - 1);
    }

    // Retry-After is either delay-seconds or an HTTP date (RFC 9110 10.2.3); capped by maxRetry.
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Optional.of(Duration.between(ZonedDateTime.now(), at));
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        }).map(d -> d.isNegative() ? Duration.ZERO : d.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : d);
    }
}
