package dk.eojxds.model.fsiii;

import java.util.List;

/**
 * What FSIII data a repository may hold. KL publishes two sets of gateway profiles: the care
 * profiles ({@code http://fhir.kl.dk/gateway}, home care under the social services act and
 * nursing under the health act) and the municipality-healthcare-data profiles
 * ({@code http://municipality-healthcare-data.gateway.kl.dk/1.0}) for a recipient with a legal
 * basis for healthcare data only: nursing conditions without severity, nursing interventions,
 * nursing matters of interest, follow-ups and their encounters; no goals, no citizen's own
 * observations, nothing from home care.
 */
public enum FsiiiScope {

    /** Nursing data under the health act (sundhedsloven) only: the default. */
    HEALTHCARE(List.of("http://municipality-healthcare-data.gateway.kl.dk/1.0/StructureDefinition/klgateway-care-delivery-report")),

    /** Nursing and home care (serviceloven) alike: only with a named legal basis. */
    CARE(List.of("http://fhir.kl.dk/gateway/StructureDefinition/klgateway-care-delivery-report",
            "http://gateway.kl.dk/1.0/StructureDefinition/klgateway-care-delivery-report"));

    private final List<String> deliveryReportProfiles;

    FsiiiScope(List<String> deliveryReportProfiles) {
        this.deliveryReportProfiles = deliveryReportProfiles;
    }

    /**
     * The DeliveryReport profile's canonical URLs of this scope's IG; for the care IG both the
     * IG's canonical (release 1.2.0) and the address KL's gateway CapabilityStatement names.
     */
    public List<String> deliveryReportProfiles() {
        return deliveryReportProfiles;
    }
}
