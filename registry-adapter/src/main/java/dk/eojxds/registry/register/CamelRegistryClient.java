package dk.eojxds.registry.register;

import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti18RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti18ResponseValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti42RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti42ResponseValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti57RequestValidator;
import static org.openehealth.ipf.platform.camel.ihe.xds.XdsCamelValidators.iti57ResponseValidator;

import dk.eojxds.registry.dgws.OutboundDgws;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.platform.camel.ihe.ws.AbstractWsEndpoint;
import org.springframework.stereotype.Component;

/**
 * The Camel edge of registration: every submission passes IPF's ITI-42 request validator before
 * it leaves, carries this system's DGWS ID card ({@link OutboundDgws}), and the registry's answer
 * passes the response validator. ITI-18 likewise, when a query endpoint is configured.
 */
@Component
class CamelRegistryClient extends RouteBuilder implements RegistryClient {

    private static final String ROUTE = "direct:register-document-set";
    private static final String UPDATE_ROUTE = "direct:update-document-set";
    private static final String QUERY_ROUTE = "direct:registry-stored-query";

    private final ProducerTemplate producer;
    private final String endpoint;
    private final String updateEndpoint;
    private final String queryEndpoint;
    private final OutboundDgws dgws;

    CamelRegistryClient(ProducerTemplate producer, RegistryProperties properties, OutboundDgws dgws) {
        this.producer = producer;
        this.dgws = dgws;
        this.endpoint = endpoint("xds-iti42", properties.iti42Url());
        this.updateEndpoint = endpoint("xds-iti57", properties.iti57Url());
        this.queryEndpoint = properties.canQuery() ? endpoint("xds-iti18", properties.iti18Url()) : null;
    }

    private static String endpoint(String component, String url) {
        boolean secure = url.startsWith("https://");
        return component + "://" + url.substring(secure ? 8 : 7) + (secure ? "?secure=true" : "");
    }

    @Override
    public void configure() {
        // the body becomes ebXML once: the validator would convert it for itself, and the producer again
        from(ROUTE)
                .routeId("iti42-out")
                .convertBodyTo(SubmitObjectsRequest.class)
                .process(iti42RequestValidator())
                .to(endpoint)
                .process(iti42ResponseValidator());
        from(UPDATE_ROUTE)
                .routeId("iti57-out")
                .convertBodyTo(SubmitObjectsRequest.class)
                .process(iti57RequestValidator())
                .to(updateEndpoint)
                .process(iti57ResponseValidator());
        if (queryEndpoint != null) {
            from(QUERY_ROUTE)
                    .routeId("iti18-out")
                    .process(iti18RequestValidator())
                    .to(queryEndpoint)
                    .process(iti18ResponseValidator());
        }
    }

    @Override
    public QueryResponse query(QueryRegistry query) {
        if (queryEndpoint == null) {
            throw new IllegalStateException("no ITI-18 endpoint configured (eojxds.registry.iti18-url)");
        }
        return producer.requestBodyAndHeader(QUERY_ROUTE, query, AbstractWsEndpoint.OUTGOING_SOAP_HEADERS,
                dgws.headers(), QueryResponse.class);
    }

    @Override
    public Response update(RegisterDocumentSet update) {
        return producer.requestBodyAndHeader(UPDATE_ROUTE, update, AbstractWsEndpoint.OUTGOING_SOAP_HEADERS,
                dgws.headers(), Response.class);
    }

    @Override
    public Response register(RegisterDocumentSet submission) {
        return producer.requestBodyAndHeader(ROUTE, submission, AbstractWsEndpoint.OUTGOING_SOAP_HEADERS,
                dgws.headers(), Response.class);
    }
}
