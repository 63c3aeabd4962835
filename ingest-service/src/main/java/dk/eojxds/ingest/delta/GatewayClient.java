package dk.eojxds.ingest.delta;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.gclient.DateClientParam;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/** FHIR searches against the gateway: resources changed since a point in time, page by page. */
@Component
class GatewayClient {

    private final IGenericClient client;
    private final int pageSize;

    GatewayClient(FhirContext fhir, GatewayProperties properties) {
        IRestfulClientFactory factory = fhir.getRestfulClientFactory();
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        factory.setConnectTimeout((int) properties.connectTimeout().toMillis());
        factory.setSocketTimeout((int) properties.readTimeout().toMillis());
        this.client = fhir.newRestfulGenericClient(properties.baseUrl());
        this.pageSize = properties.pageSize();
    }

    /** First page of the resources whose meta.lastUpdated is at or after {@code since}, oldest first. */
    Bundle changedSince(Feed feed, Instant since) {
        return client.search()
                .forResource(feed.resourceType())
                .where(new DateClientParam("_lastUpdated").afterOrEquals().millis(Date.from(since)))
                .sort().ascending("_lastUpdated")
                .count(pageSize)
                .returnBundle(Bundle.class)
                .execute();
    }

    Optional<Bundle> nextPage(Bundle page) {
        if (page.getLink(Bundle.LINK_NEXT) == null) {
            return Optional.empty();
        }
        return Optional.of(client.loadPage().next(page).execute());
    }

    static String position(Bundle page, Instant since) {
        Bundle.BundleLinkComponent self = page.getLink(Bundle.LINK_SELF);
        return self != null ? self.getUrl() : "_lastUpdated=ge" + since;
    }
}
