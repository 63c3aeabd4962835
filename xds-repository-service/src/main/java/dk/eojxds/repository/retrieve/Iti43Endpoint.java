package dk.eojxds.repository.retrieve;

import dk.eojxds.repository.audit.AuditTrail;
import dk.eojxds.repository.security.DgwsGate;
import dk.eojxds.repository.security.SecurityProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mounts the ITI-43 servlet at {@code /services/repository/iti43}. An exact servlet mapping wins
 * over the CXF servlet's {@code /services/*}, which still serves IPF's other endpoints if any are
 * added.
 */
@Configuration(proxyBeanMethods = false)
class Iti43Endpoint {

    static final String PATH = "/services/repository/iti43";

    @Bean
    ServletRegistrationBean<Iti43Servlet> iti43Servlet(Iti43Service service, DgwsGate gate, AtnaExport atna,
                                                       MeterRegistry meters, AuditTrail audit,
                                                       SecurityProperties security) {
        ServletRegistrationBean<Iti43Servlet> registration = new ServletRegistrationBean<>(
                new Iti43Servlet(service, gate, atna, meters, audit, security.maxRequestBytes()), PATH);
        registration.setName("iti43");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
