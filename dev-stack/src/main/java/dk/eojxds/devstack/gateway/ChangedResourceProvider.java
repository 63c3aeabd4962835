package dk.eojxds.devstack.gateway;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Search on one resource type by {@code _lastUpdated} (and {@code _profile}), always oldest first,
 * paged by the server: the shape of the gateway's delta searches.
 */
class ChangedResourceProvider implements IResourceProvider {

    private final SimulatedGateway gateway;
    private final Class<? extends Resource> type;
    private final String typeName;

    ChangedResourceProvider(SimulatedGateway gateway, Class<? extends Resource> type, String typeName) {
        this.gateway = gateway;
        this.type = type;
        this.typeName = typeName;
    }

    @Override
    public Class<? extends Resource> getResourceType() {
        return type;
    }

    @Read
    public Resource read(@IdParam IdType id) {
        return gateway.read(typeName, id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @OptionalParam(name = "_profile") UriParam profile,
                                  @Sort SortSpec ignoredSort) {
        Instant from = null;
        boolean inclusive = true;
        Instant to = null;
        if (lastUpdated != null) {
            DateParam lower = lastUpdated.getLowerBound();
            if (lower != null && lower.getValue() != null) {
                from = lower.getValue().toInstant();
                inclusive = lower.getPrefix() != ParamPrefixEnum.GREATERTHAN;
            }
            DateParam upper = lastUpdated.getUpperBound();
            if (upper != null && upper.getValue() != null) {
                to = upper.getValue().toInstant();
            }
        }
        String wanted = profile == null ? null : profile.getValue();
        return new SimpleBundleProvider(gateway.changed(typeName, from, inclusive, to).stream()
                .filter(r -> wanted == null || r.getMeta().hasProfile(wanted))
                .map(Resource.class::cast).toList());
    }
}
