package dk.eojxds.localstack;

import dk.eojxds.model.Cpr;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;

/** What the registry stand-in shows of a citizen, asked as sundhed.dk asks (ITI-18 FindDocuments). */
final class RegistryStandInQueries {

    private RegistryStandInQueries() {
    }

    static List<DocumentEntry> find(LocalStack stack, Cpr cpr, AvailabilityStatus... statuses) {
        FindDocumentsQuery query = new FindDocumentsQuery();
        query.setPatientId(new Identifiable(cpr.value(), new AssigningAuthority(Cpr.OID)));
        query.setStatus(List.of(statuses));
        QueryResponse response = stack.devStack().getBean(ProducerTemplate.class).requestBody("xds-iti18://localhost:"
                        + stack.ports().devStack() + "/services/registry/iti18",
                new QueryRegistry(query, QueryReturnType.LEAF_CLASS), QueryResponse.class);
        return response.getDocumentEntries();
    }
}
