package dk.eojxds.repository;

import dk.eojxds.model.fsiii.FsiiiTerminology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FSIII terminology the overview's narrative and scope are drawn from: KL's full CodeSystem
 * ({@code eojxds.fsiii.code-system}), required as in ingest-service; the built-in extract only
 * behind the development switch {@code eojxds.fsiii.built-in-terminology} (it would show codes
 * instead of their names, and misjudge the scope of codes it lacks).
 */
@Configuration(proxyBeanMethods = false)
class FsiiiTerminologyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FsiiiTerminologyConfiguration.class);

    @Bean
    FsiiiTerminology fsiiiTerminology(FsiiiTerminologyProperties properties) {
        FsiiiTerminology terminology = FsiiiTerminology.required(
                properties.codeSystem() == null ? "" : properties.codeSystem(), properties.builtInTerminology());
        log.info("FSIII terminology: {} codes from {}", terminology.size(), terminology.source());
        return terminology;
    }
}
