package dk.eojxds.repository;

import dk.eojxds.model.fsiii.FsiiiTerminology;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Display texts for the FSIII narrative: KL's full code system when configured, else the built-in extract. */
@Configuration(proxyBeanMethods = false)
class FsiiiTerminologyConfiguration {

    @Bean
    FsiiiTerminology fsiiiTerminology(@Value("${eojxds.fsiii.code-system:}") String file) {
        return FsiiiTerminology.configured(file);
    }
}
