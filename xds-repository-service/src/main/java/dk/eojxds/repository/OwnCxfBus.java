package dk.eojxds.repository;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
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
    SmartInitializingSingleton ownCxfBusAsDefault(Bus bus) {
        return () -> {
            BusFactory.setDefaultBus(bus);
            BusFactory.setThreadDefaultBus(bus);
        };
    }
}
