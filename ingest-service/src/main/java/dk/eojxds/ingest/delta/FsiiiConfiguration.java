package dk.eojxds.ingest.delta;

import dk.eojxds.model.fsiii.FsiiiTerminology;
import ca.uhn.fhir.context.FhirContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FSIII terminology: the file named by {@code eojxds.fsiii.code-system}, else the built-in extract. */
@Configuration(proxyBeanMethods = false)
class FsiiiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FsiiiConfiguration.class);

    @Bean
    FsiiiTerminology fsiiiTerminology(@Value("${eojxds.fsiii.code-system:}") String file) {
        FsiiiTerminology terminology = FsiiiTerminology.configured(file);
        if (file == null || file.isBlank()) {
            log.warn("FSIII codes are checked against the built-in extract ({} codes); set "
                    + "EOJXDS_FSIII_CODE_SYSTEM to KL's full FSIII CodeSystem for production", terminology.size());
        } else {
            log.info("FSIII code system loaded from {}: {} codes", file, terminology.size());
        }
        return terminology;
    }

    @Bean
    FsiiiReportRules fsiiiReportRules(FhirContext fhir, FsiiiTerminology terminology) {
        return new FsiiiReportRules(fhir, terminology);
    }
}
