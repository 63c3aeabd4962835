package dk.eojxds.registry;

import dk.eojxds.edge.EdgeAccess;
import dk.eojxds.edge.EdgeSecurityConfiguration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Who may call registry-adapter: operators (parked registrations and deprecations). */
@Configuration(proxyBeanMethods = false)
@Import(EdgeSecurityConfiguration.class)
class EntryPoints {

    @Bean
    EdgeAccess edgeAccess() {
        return new EdgeAccess(List.of("/admin/**"), List.of(), List.of());
    }
}
