package dk.eojxds.registry.register;

import java.util.List;
import java.util.Optional;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetRelatedDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.stereotype.Component;

/**
 * What the registry holds of a series when it knows more than our database: after a restore to a
 * point in time our database may call a document current that the registry already saw replaced
 * (RPLC) by versions built before the loss. Following the replacements forward with ITI-18
 * GetRelatedDocuments (ITI TF-2a 3.18.4.1.2.3.7.6, association type RPLC) finds the version the
 * registry shows now: the one a new version must replace, or a withdrawal must deprecate.
 */
@Component
class SeriesInRegistry {

    // a series replaced more often than this since the restore point is not followed further
    static final int MOST_HOPS = 50;

    private final RegistryClient registry;
    private final RegistryProperties properties;

    SeriesInRegistry(RegistryClient registry, RegistryProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    boolean canAsk() {
        return properties.canQuery();
    }

    /**
     * The newest version of the series that {@code entryUuid} belongs to, when the registry has
     * replaced that document: the approved version at the end of the replacements, or empty when
     * the series ends in a deprecated one (withdrawn) or the document was never replaced.
     *
     * @throws RegistryQueryException when the registry does not answer the query
     */
    Optional<DocumentEntry> currentVersionAfter(String entryUuid) {
        String current = entryUuid;
        DocumentEntry last = null;
        for (int hop = 0; hop < MOST_HOPS; hop++) {
            QueryResponse answer = related(current);
            String from = current;
            Optional<Association> replacedBy = answer.getAssociations().stream()
                    .filter(a -> a.getAssociationType() == AssociationType.REPLACE && from.equals(a.getTargetUuid()))
                    .findFirst();
            if (replacedBy.isEmpty()) {
                return Optional.ofNullable(last).filter(e -> e.getAvailabilityStatus() == AvailabilityStatus.APPROVED);
            }
            current = replacedBy.get().getSourceUuid();
            String next = current;
            last = answer.getDocumentEntries().stream().filter(e -> next.equals(e.getEntryUuid())).findFirst()
                    .orElseThrow(() -> new RegistryQueryException("the registry named " + next
                            + " as a replacement of " + from + " but did not return it"));
        }
        throw new RegistryQueryException("series of " + entryUuid + " replaced more than " + MOST_HOPS + " times");
    }

    private QueryResponse related(String entryUuid) {
        GetRelatedDocumentsQuery query = new GetRelatedDocumentsQuery();
        query.setUuid(entryUuid);
        query.setAssociationTypes(List.of(AssociationType.REPLACE));
        QueryRegistry request = new QueryRegistry(query);
        request.setReturnType(QueryReturnType.LEAF_CLASS);
        QueryResponse answer = registry.query(request);
        if (answer.getStatus() != Status.SUCCESS) {
            throw new RegistryQueryException("GetRelatedDocuments for " + entryUuid + ": " + answer.getStatus() + " "
                    + answer.getErrors().stream().map(e -> e.getCodeContext()).toList());
        }
        return answer;
    }

    /** The registry could not say what it holds; the caller parks or retries. */
    static final class RegistryQueryException extends RuntimeException {
        RegistryQueryException(String message) {
            super(message);
        }
    }
}
