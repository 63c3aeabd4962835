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
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/** Observation search by {@code _lastUpdated}, always oldest first, paged by the server. */
class ObservationResourceProvider implements IResourceProvider {

    private final SimulatedGateway gateway;

    ObservationResourceProvider(SimulatedGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Read
    public Observation read(@IdParam IdType id) {
        return (Observation) gateway.read("Observation", id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
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
        return new SimpleBundleProvider(gateway.changed("Observation", from, inclusive, to).stream()
                .map(Resource.class::cast).toList());
    }
}
