package dk.eojxds.repository;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    // Thread-safe and costly to build: one per application (not the JVM-wide cached one, whose
    // client factory settings would leak between services sharing a JVM in local-stack).
    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
