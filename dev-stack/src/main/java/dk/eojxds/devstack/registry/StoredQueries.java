package dk.eojxds.devstack.registry;

import java.util.List;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ObjectReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetRelatedDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.stereotype.Component;

/**
 * The stored queries sundhed.dk needs from a registry, FindDocuments and GetDocuments, and
 * GetRelatedDocuments for replacements (RPLC), which a repository asks after a restore.
 */
@Component
class StoredQueries {

    private final InMemoryRegistry registry;

    StoredQueries(InMemoryRegistry registry) {
        this.registry = registry;
    }

    QueryResponse answer(QueryRegistry request) {
        List<DocumentEntry> entries;
        if (request.getQuery() instanceof FindDocumentsQuery find) {
            entries = registry.findDocuments(find.getPatientId().getId(), find.getStatus());
        } else if (request.getQuery() instanceof GetDocumentsQuery get) {
            entries = registry.getDocuments(nullToEmpty(get.getUuids()), nullToEmpty(get.getUniqueIds()));
        } else if (request.getQuery() instanceof GetRelatedDocumentsQuery related
                && related.getAssociationTypes().contains(AssociationType.REPLACE)) {
            String uuid = related.getUuid() != null ? related.getUuid()
                    : registry.getDocuments(List.of(), List.of(related.getUniqueId())).stream().findFirst()
                    .map(DocumentEntry::getEntryUuid).orElse("");
            InMemoryRegistry.Related found = registry.replacementsOf(uuid);
            QueryResponse response = new QueryResponse(Status.SUCCESS);
            if (request.getReturnType() == QueryReturnType.LEAF_CLASS) {
                response.getDocumentEntries().addAll(found.entries());
                response.getAssociations().addAll(found.associations());
            } else {
                found.entries().forEach(e -> response.getReferences().add(new ObjectReference(e.getEntryUuid())));
                found.associations().forEach(a -> response.getReferences().add(new ObjectReference(a.getEntryUuid())));
            }
            return response;
        } else {
            QueryResponse unsupported = new QueryResponse(Status.FAILURE);
            unsupported.getErrors().add(new ErrorInfo(ErrorCode.REGISTRY_ERROR, "The stand-in does not support "
                    + request.getQuery().getType(), Severity.ERROR, null, null));
            return unsupported;
        }
        QueryResponse response = new QueryResponse(Status.SUCCESS);
        if (request.getReturnType() == QueryReturnType.LEAF_CLASS) {
            response.getDocumentEntries().addAll(entries);
        } else {
            entries.forEach(e -> response.getReferences().add(new ObjectReference(e.getEntryUuid())));
        }
        return response;
    }

    private static List<String> nullToEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
