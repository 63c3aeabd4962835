package dk.eojxds.registry.register;

import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti42RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti42ResponseValidator;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.springframework.stereotype.Component;

/**
 * The Camel edge of registration: every submission passes IPF's ITI-42 request validator before
 * it leaves, and the registry's answer passes the response validator.
 */
@Component
class CamelIti42Client extends RouteBuilder implements Iti42Client {

    private static final String ROUTE = "direct:register-document-set";

    private final ProducerTemplate producer;
    private final String endpoint;

    CamelIti42Client(ProducerTemplate producer, RegistryProperties properties) {
        this.producer = producer;
        String url = properties.iti42Url();
        boolean secure = url.startsWith("https://");
        this.endpoint = "xds-iti42://" + url.substring(secure ? 8 : 7) + (secure ? "?secure=true" : "");
    }

    @Override
    public void configure() {
        from(ROUTE)
                .routeId("iti42-out")
                .process(iti42RequestValidator())
                .to(endpoint)
                .process(iti42ResponseValidator());
    }

    @Override
    public Response register(RegisterDocumentSet submission) {
        return producer.requestBody(ROUTE, submission, Response.class);
    }
}
