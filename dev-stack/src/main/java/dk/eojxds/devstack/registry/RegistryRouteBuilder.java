package dk.eojxds.devstack.registry;

import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti18RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti18ResponseValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti42RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti42ResponseValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti57RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti57ResponseValidator;

import org.apache.camel.builder.RouteBuilder;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.springframework.stereotype.Component;

/** The registry stand-in's endpoints: ITI-42, ITI-57 and ITI-18 under /services/registry, with injectable faults. */
@Component
class RegistryRouteBuilder extends RouteBuilder {

    private final InMemoryRegistry registry;
    private final StoredQueries queries;
    private final RegistryFaults faults;

    RegistryRouteBuilder(InMemoryRegistry registry, StoredQueries queries, RegistryFaults faults) {
        this.registry = registry;
        this.queries = queries;
        this.faults = faults;
    }

    private Response register(RegisterDocumentSet submission) {
        faults.pause();
        String patient = submission.getSubmissionSet().getPatientId().getId();
        return faults.injected(patient).orElseGet(() -> registry.register(submission));
    }

    private Response update(RegisterDocumentSet update) {
        faults.pause();
        return faults.injected(update.getSubmissionSet().getPatientId().getId()).orElseGet(() -> registry.update(update));
    }

    @Override
    public void configure() {
        from("xds-iti42:registry/iti42?inInterceptors=#dgwsRequired")
                .routeId("registry-iti42")
                .process(iti42RequestValidator())
                .process(exchange -> exchange.getMessage().setBody(
                        register(exchange.getMessage().getBody(RegisterDocumentSet.class))))
                .process(iti42ResponseValidator());

        from("xds-iti57:registry/iti57?inInterceptors=#dgwsRequired")
                .routeId("registry-iti57")
                .process(iti57RequestValidator())
                .process(exchange -> exchange.getMessage().setBody(
                        update(exchange.getMessage().getBody(RegisterDocumentSet.class))))
                .process(iti57ResponseValidator());

        from("xds-iti18:registry/iti18")
                .routeId("registry-iti18")
                .process(iti18RequestValidator())
                .process(exchange -> exchange.getMessage().setBody(
                        queries.answer(exchange.getMessage().getBody(QueryRegistry.class))))
                .process(iti18ResponseValidator());
    }
}
