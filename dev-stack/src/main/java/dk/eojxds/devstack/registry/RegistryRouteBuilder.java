package dk.eojxds.devstack.registry;

import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti18RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti18ResponseValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti42RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti42ResponseValidator;

import org.apache.camel.builder.RouteBuilder;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.springframework.stereotype.Component;

/** The registry stand-in's endpoints: ITI-42 and ITI-18 under /services/registry. */
@Component
class RegistryRouteBuilder extends RouteBuilder {

    private final InMemoryRegistry registry;
    private final StoredQueries queries;

    RegistryRouteBuilder(InMemoryRegistry registry, StoredQueries queries) {
        this.registry = registry;
        this.queries = queries;
    }

    @Override
    public void configure() {
        from("xds-iti42:registry/iti42")
                .routeId("registry-iti42")
                .process(iti42RequestValidator())
                .process(exchange -> exchange.getMessage().setBody(
                        registry.register(exchange.getMessage().getBody(RegisterDocumentSet.class))))
                .process(iti42ResponseValidator());

        from("xds-iti18:registry/iti18")
                .routeId("registry-iti18")
                .process(iti18RequestValidator())
                .process(exchange -> exchange.getMessage().setBody(
                        queries.answer(exchange.getMessage().getBody(QueryRegistry.class))))
                .process(iti18ResponseValidator());
    }
}
