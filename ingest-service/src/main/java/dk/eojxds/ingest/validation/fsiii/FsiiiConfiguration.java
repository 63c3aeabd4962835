package dk.eojxds.ingest.validation.fsiii;

import ca.uhn.fhir.context.FhirContext;
import dk.eojxds.ingest.feed.Feeds;
import dk.eojxds.ingest.feed.GatewayProperties;
import dk.eojxds.model.DataFamily;
import dk.eojxds.model.fsiii.FsiiiScope;
import dk.eojxds.model.fsiii.FsiiiTerminology;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FSIII terminology and data scope, checked at start-up: KL's full CodeSystem is required
 * (the built-in extract only behind an explicit development switch: a valid report must never be
 * quarantined for a code we lack), a care scope requires a named legal basis, and every FSIII
 * feed's scope and search profile are logged and shown in {@code /actuator/info}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FsiiiProperties.class)
class FsiiiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FsiiiConfiguration.class);

    @Bean
    FsiiiTerminology fsiiiTerminology(FsiiiProperties properties) {
        FsiiiTerminology terminology = FsiiiTerminology.required(properties.codeSystem(), properties.builtInTerminology());
        if (terminology.isBuiltIn()) {
            log.warn("FSIII codes are checked against the built-in extract ({} codes, development only): reports "
                    + "with other codes are quarantined", terminology.size());
        } else {
            log.info("FSIII terminology: {} codes from {}", terminology.size(), terminology.source());
        }
        return terminology;
    }

    @Bean
    FsiiiReportRules fsiiiReportRules(FhirContext fhir, FsiiiTerminology terminology) {
        return new FsiiiReportRules(fhir, terminology);
    }

    @Bean
    InfoContributor fsiiiScopeInfo(FsiiiProperties properties, GatewayProperties gateway, FsiiiTerminology terminology) {
        Map<String, Object> feeds = new LinkedHashMap<>();
        gateway.feeds().forEach((name, feed) -> {
            if (feed.family() == DataFamily.FSIII) {
                feeds.put(name, scopeOf(properties, name, feed.profile()));
            }
        });
        for (String channel : new String[] {Feeds.PUSH.name(), Feeds.INITIAL_LOAD_FSIII.name()}) {
            feeds.put(channel, scopeOf(properties, channel, null));
        }
        Map<String, Object> fsiii = new LinkedHashMap<>();
        fsiii.put("feeds", feeds);
        if (properties.legalBasis() != null) {
            fsiii.put("legalBasis", properties.legalBasis());
        }
        fsiii.put("terminology", terminology.sourceName());
        log.info("FSIII data scope: {}{}", feeds, properties.legalBasis() == null ? ""
                : "; legal basis for care data: " + properties.legalBasis());
        return builder -> builder.withDetail("fsiii", fsiii);
    }

    private static Map<String, String> scopeOf(FsiiiProperties properties, String feed, String profile) {
        FsiiiScope scope = properties.scopeOf(feed);
        if (profile != null && !scope.deliveryReportProfiles().contains(profile)) {
            // legal, but worth a look: a healthcare feed searching the care profile receives care data
            // that is then withheld on the way in
            log.warn("FSIII feed {} has scope {} but searches {}, not {}", feed, scope, profile,
                    scope.deliveryReportProfiles());
        }
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("scope", scope.name().toLowerCase(java.util.Locale.ROOT));
        if (profile != null) {
            shown.put("profile", profile);
        }
        return shown;
    }
}
