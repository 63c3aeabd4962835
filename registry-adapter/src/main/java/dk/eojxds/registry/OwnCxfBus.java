package dk.eojxds.registry;

import dk.eojxds.registry.register.RegistryProperties;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.transport.http.HTTPConduitConfigurer;
import org.apache.cxf.transport.http.HTTPConduitFactory;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * IPF creates its SOAP endpoints on CXF's default bus when the Camel routes start. Making this
 * application's bus the default just before that keeps its endpoints on its own servlet, also
 * when several applications share a JVM (local-stack, cached test contexts).
 */
@Configuration(proxyBeanMethods = false)
class OwnCxfBus {

    @Bean
    SmartInitializingSingleton ownCxfBusAsDefault(Bus bus, RegistryProperties registry) {
        // every SOAP call to the registry (ITI-42, ITI-57) with bounded connect and answer times
        bus.setExtension((HTTPConduitConfigurer) (name, address, conduit) -> {
            HTTPClientPolicy policy = conduit.getClient() != null ? conduit.getClient() : new HTTPClientPolicy();
            policy.setConnectionTimeout(registry.connectTimeout().toMillis());
            policy.setReceiveTimeout(registry.receiveTimeout().toMillis());
            conduit.setClient(policy);
        }, HTTPConduitConfigurer.class);
        // CXF's default conduit (the JDK's asynchronous HttpClient) cost 1.5 ms of CPU per ITI-42 in
        // its own worker threads, a sixth of the whole registration; the blocking URLConnection
        // conduit does the same exchange on the calling thread (docs/benchmarks.md, issue 11)
        bus.setExtension((HTTPConduitFactory) (factory, owner, endpoint, target) ->
                new URLConnectionHTTPConduit(owner, endpoint, target), HTTPConduitFactory.class);
        return () -> {
            BusFactory.setDefaultBus(bus);
            BusFactory.setThreadDefaultBus(bus);
        };
    }
}
