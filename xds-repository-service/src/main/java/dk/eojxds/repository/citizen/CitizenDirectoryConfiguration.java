package dk.eojxds.repository.citizen;

import dk.eojxds.dgws.SystemIdCards;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The CPR lookup: NSP's service with a system ID card, cached. The service refuses to start
 * without the lookup's address, and without a card unless DGWS is switched off explicitly for
 * local development.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CprLookupProperties.class)
class CitizenDirectoryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CitizenDirectoryConfiguration.class);

    @Bean
    CachingCitizenDirectory citizenDirectory(CprLookupProperties properties, MeterRegistry meters) {
        if (properties.url() == null || properties.url().isBlank()) {
            throw new IllegalStateException("eojxds.cpr-lookup.url is required: PHMR and QRD headers need the "
                    + "citizen's name and address from the national CPR lookup");
        }
        CprLookupProperties.Dgws dgws = properties.dgws();
        SystemIdCards cards = SystemIdCards.forOutboundCalls("eojxds.cpr-lookup.dgws",
                "calls the CPR lookup without an ID card", dgws.enabled(), dgws.insecureLocalDevelopment(),
                dgws.stsUrl(), dgws.certificate(), dgws.privateKey(), dgws.itSystem(), dgws.cvr(),
                dgws.organisationName(), dgws.renewBefore(), dgws.timeout());
        log.info("Citizen demographics from {} (Det Gode CPR-opslag {}, cached {}, retry after {})", properties.url(),
                properties.version(), properties.cacheTtl(),
                properties.retryAfter());
        return new CachingCitizenDirectory(new NspCprLookup(URI.create(properties.url()), properties.version(),
                properties.timeout(), cards),
                properties.cacheTtl(), properties.cacheSize(), properties.retryAfter(), Clock.systemUTC(), meters,
                properties.parallelLookups());
    }

    /** Down while the lookup fails: documents wait; retrieval is unaffected (not in readiness). */
    @Bean
    HealthIndicator cprLookupHealthIndicator(CachingCitizenDirectory directory) {
        return () -> directory.lastFailure() == null ? Health.up().build()
                : Health.down().withDetail("lastFailure", directory.lastFailure()).build();
    }
}
