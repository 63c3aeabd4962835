package dk.eojxds.repository.retrieve;

import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti43RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti43ResponseValidator;

import org.apache.camel.builder.RouteBuilder;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.springframework.stereotype.Component;

/** ITI-43 at {@code /services/repository/iti43}: validate, retrieve, validate the answer. */
@Component
class Iti43RouteBuilder extends RouteBuilder {

    private final Iti43Service service;

    Iti43RouteBuilder(Iti43Service service) {
        this.service = service;
    }

    @Override
    public void configure() {
        // the DGWS interceptor verifies the ID card before the request reaches the route
        from("xds-iti43:repository/iti43?inInterceptors=#dgwsInterceptor")
                .routeId("iti43")
                .process(iti43RequestValidator())
                .process(exchange -> exchange.getMessage().setBody(
                        service.retrieve(exchange.getMessage().getBody(RetrieveDocumentSet.class))))
                .process(iti43ResponseValidator());
    }
}
