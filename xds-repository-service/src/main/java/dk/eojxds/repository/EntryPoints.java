package dk.eojxds.repository;

import dk.eojxds.edge.EdgeAccess;
import dk.eojxds.edge.EdgeSecurityConfiguration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Who may call xds-repository-service: operators (statistics, the status page, reference data, build failures);
 * ITI-43 has a gate of its own (DGWS, {@code security/DgwsGate}) and is left out of Spring Security.
 */
@Configuration(proxyBeanMethods = false)
@Import(EdgeSecurityConfiguration.class)
class EntryPoints {

    @Bean
    EdgeAccess edgeAccess() {
        return new EdgeAccess(List.of("/admin/**", "/statistics/**", "/status", "/status/**"), List.of(), List.of("/services/repository/iti43"));
    }
}
