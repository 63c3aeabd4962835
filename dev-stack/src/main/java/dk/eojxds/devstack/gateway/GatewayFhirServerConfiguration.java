package dk.eojxds.devstack.gateway;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A HAPI plain FHIR R4 server at /fhir, paging with {@code link[next]} like the real gateway. */
@Configuration(proxyBeanMethods = false)
class GatewayFhirServerConfiguration {

    @Bean
    ServletRegistrationBean<RestfulServer> gatewayFhirServlet(SimulatedGateway gateway) {
        RestfulServer server = new RestfulServer(FhirContext.forR4());
        server.setResourceProviders(List.of(
                new ChangedResourceProvider(gateway, Observation.class, "Observation"),
                new ChangedResourceProvider(gateway, QuestionnaireResponse.class, "QuestionnaireResponse"),
                new ChangedResourceProvider(gateway, Bundle.class, "Bundle")));
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(500);
        paging.setDefaultPageSize(100);
        paging.setMaximumPageSize(1000);
        server.setPagingProvider(paging);
        server.setDefaultPrettyPrint(false);
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("gatewayFhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
