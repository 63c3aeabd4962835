package dk.eojxds.devstack.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.springframework.stereotype.Component;

/**
 * What the registry stand-in keeps: every registered DocumentEntry with its availability status.
 * Registering the same document again (same uniqueId, same hash) succeeds and changes nothing,
 * like a registry that recognises a re-sent submission; a replacement (RPLC) deprecates the
 * document it replaces.
 */
@Component
public class InMemoryRegistry {

    private final Map<String, DocumentEntry> byEntryUuid = new LinkedHashMap<>();
    private final Map<String, String> entryUuidByUniqueId = new LinkedHashMap<>();

    public synchronized Response register(RegisterDocumentSet submission) {
        List<ErrorInfo> errors = new ArrayList<>();
        for (DocumentEntry entry : submission.getDocumentEntries()) {
            String known = entryUuidByUniqueId.get(entry.getUniqueId());
            if (known != null && !byEntryUuid.get(known).getHash().equals(entry.getHash())) {
                errors.add(new ErrorInfo(ErrorCode.NON_IDENTICAL_HASH, "Document " + entry.getUniqueId()
                        + " is registered with another hash", Severity.ERROR, entry.getUniqueId(), null));
            }
        }
        for (Association association : submission.getAssociations()) {
            if (association.getAssociationType() == AssociationType.REPLACE) {
                DocumentEntry target = byEntryUuid.get(association.getTargetUuid());
                if (target == null) {
                    errors.add(new ErrorInfo(ErrorCode.REGISTRY_METADATA_ERROR, "RPLC target "
                            + association.getTargetUuid() + " is unknown", Severity.ERROR,
                            association.getTargetUuid(), null));
                }
            }
        }
        if (!errors.isEmpty()) {
            Response failure = new Response(Status.FAILURE);
            failure.setErrors(errors);
            return failure;
        }
        for (DocumentEntry entry : submission.getDocumentEntries()) {
            if (!entryUuidByUniqueId.containsKey(entry.getUniqueId())) {
                entry.setAvailabilityStatus(AvailabilityStatus.APPROVED);
                byEntryUuid.put(entry.getEntryUuid(), entry);
                entryUuidByUniqueId.put(entry.getUniqueId(), entry.getEntryUuid());
            }
        }
        for (Association association : submission.getAssociations()) {
            if (association.getAssociationType() == AssociationType.REPLACE) {
                byEntryUuid.get(association.getTargetUuid()).setAvailabilityStatus(AvailabilityStatus.DEPRECATED);
            }
        }
        return new Response(Status.SUCCESS);
    }

    public synchronized List<DocumentEntry> findDocuments(String patientId, List<AvailabilityStatus> statuses) {
        return byEntryUuid.values().stream()
                .filter(e -> e.getPatientId().getId().equals(patientId))
                .filter(e -> statuses.isEmpty() || statuses.contains(e.getAvailabilityStatus()))
                .toList();
    }

    public synchronized List<DocumentEntry> getDocuments(List<String> entryUuids, List<String> uniqueIds) {
        List<DocumentEntry> found = new ArrayList<>();
        for (String uuid : entryUuids) {
            DocumentEntry entry = byEntryUuid.get(uuid);
            if (entry != null) {
                found.add(entry);
            }
        }
        for (String uniqueId : uniqueIds) {
            String uuid = entryUuidByUniqueId.get(uniqueId);
            if (uuid != null) {
                found.add(byEntryUuid.get(uuid));
            }
        }
        return found;
    }

    public synchronized int size() {
        return byEntryUuid.size();
    }
}
