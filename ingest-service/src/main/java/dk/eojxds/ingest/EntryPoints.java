package dk.eojxds.ingest;

import dk.eojxds.edge.EdgeAccess;
import dk.eojxds.edge.EdgeSecurityConfiguration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Who may call ingest-service: operators (quarantine API, OpenAPI), the gateway (FSIII push). */
@Configuration(proxyBeanMethods = false)
@Import(EdgeSecurityConfiguration.class)
class EntryPoints {

    @Bean
    EdgeAccess edgeAccess() {
        return new EdgeAccess(List.of("/admin/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                "/swagger-ui.html"), List.of("/fhir/push/**"), List.of());
    }
}
