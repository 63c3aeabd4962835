package dk.eojxds.devstack.registry;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the registry stand-in keeps: every registered DocumentEntry with its availability status.
 * As an IHE Document Registry answers (ITI TF-3 4.2.4.1): a uniqueId it already holds is refused,
 * with {@code XDSDuplicateUniqueIdInRegistry} when the hash is the same (a re-sent submission,
 * which a repository treats as registered) and {@code XDSNonIdenticalHash} when it is not; a
 * replacement (RPLC) deprecates the document it replaces. It counts what it was sent
 * ({@link Counts}), so that drills can tell a document registered twice from one re-sent.
 */
@Component
public class InMemoryRegistry {

    private static final Logger log = LoggerFactory.getLogger(InMemoryRegistry.class);

    private final LinkedHashMap<String, DocumentEntry> byEntryUuid;
    private final LinkedHashMap<String, String> entryUuidByUniqueId;
    // RPLC: the entryUUID of a replaced document to the one that replaced it (GetRelatedDocuments)
    private final LinkedHashMap<String, String> replacedBy;
    private final Path storeFile;

    public InMemoryRegistry(RegistryStandInProperties properties) {
        this.storeFile = properties.storeFile() == null || properties.storeFile().isBlank()
                ? null : Path.of(properties.storeFile());
        State state = load(storeFile);
        this.byEntryUuid = state.byEntryUuid();
        this.entryUuidByUniqueId = state.entryUuidByUniqueId();
        this.replacedBy = state.replacedBy();
    }

    // a store written before replacedBy existed reads with it null (records deserialize by component)
    private record State(LinkedHashMap<String, DocumentEntry> byEntryUuid,
                         LinkedHashMap<String, String> entryUuidByUniqueId,
                         LinkedHashMap<String, String> replacedBy) implements Serializable {
        State {
            replacedBy = replacedBy == null ? new LinkedHashMap<>() : replacedBy;
        }
    }

    @SuppressWarnings("unchecked")
    private static State load(Path file) {
        if (file == null || !Files.exists(file)) {
            return new State(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        }
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            State state = (State) in.readObject();
            log.info("Registry stand-in loaded {} entries from {}", state.byEntryUuid().size(), file);
            return state;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("registry stand-in store " + file + " is unreadable; delete it to start empty", e);
        }
    }

    // Write-then-rename, so that a crash never leaves half a file behind.
    private void save() {
        if (storeFile == null) {
            return;
        }
        try {
            Path parent = storeFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "registry", ".tmp");
            try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(temporary))) {
                out.writeObject(new State(byEntryUuid, entryUuidByUniqueId, replacedBy));
            }
            Files.move(temporary, storeFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the registry stand-in to " + storeFile, e);
        }
    }

    /**
     * What the stand-in was sent: ITI-42 submissions, documents registered, documents sent again
     * after they were registered (answered as duplicates), the most submissions of one document,
     * status updates (ITI-57) applied, updates sent again for a status the document already had, and
     * the documents Approved now (one per series when a repository keeps its series straight).
     */
    public record Counts(long submissions, long registered, long resentDocuments, long mostSubmissionsOfOneDocument,
                         long deprecations, long resentDeprecations, long approved) {
    }

    private long submissions;
    private long resentDocuments;
    private long deprecations;
    private long resentDeprecations;
    private final java.util.Map<String, Integer> submissionsByUniqueId = new java.util.HashMap<>();

    public synchronized Counts counts() {
        return new Counts(submissions, byEntryUuid.size(), resentDocuments,
                submissionsByUniqueId.values().stream().mapToInt(Integer::intValue).max().orElse(0), deprecations,
                resentDeprecations, byEntryUuid.values().stream()
                .filter(e -> e.getAvailabilityStatus() == AvailabilityStatus.APPROVED).count());
    }

    public synchronized Response register(RegisterDocumentSet submission) {
        submissions++;
        List<ErrorInfo> errors = new ArrayList<>();
        for (DocumentEntry entry : submission.getDocumentEntries()) {
            submissionsByUniqueId.merge(entry.getUniqueId(), 1, Integer::sum);
            String known = entryUuidByUniqueId.get(entry.getUniqueId());
            if (known == null) {
                continue;
            }
            if (byEntryUuid.get(known).getHash().equals(entry.getHash())) {
                resentDocuments++;
                errors.add(new ErrorInfo(ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY, "Document " + entry.getUniqueId()
                        + " is already registered", Severity.ERROR, entry.getUniqueId(), null));
            } else {
                errors.add(new ErrorInfo(ErrorCode.NON_IDENTICAL_HASH, "Document " + entry.getUniqueId()
                        + " is registered with another hash", Severity.ERROR, entry.getUniqueId(), null));
            }
        }
        for (Association association : submission.getAssociations()) {
            if (association.getAssociationType() == AssociationType.REPLACE) {
                DocumentEntry target = byEntryUuid.get(association.getTargetUuid());
                boolean resent = submission.getDocumentEntries().stream()
                        .anyMatch(e -> entryUuidByUniqueId.containsKey(e.getUniqueId()));
                if (target == null) {
                    errors.add(new ErrorInfo(ErrorCode.REGISTRY_METADATA_ERROR, "RPLC target "
                            + association.getTargetUuid() + " is unknown", Severity.ERROR,
                            association.getTargetUuid(), null));
                } else if (target.getAvailabilityStatus() != AvailabilityStatus.APPROVED && !resent) {
                    // only an Approved document can be replaced (ITI TF-3 4.2.2.2)
                    errors.add(new ErrorInfo(ErrorCode.REGISTRY_DEPRECATED_DOCUMENT_ERROR, "RPLC target "
                            + association.getTargetUuid() + " is not Approved", Severity.ERROR,
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
                replacedBy.put(association.getTargetUuid(), association.getSourceUuid());
            }
        }
        save();
        return new Response(Status.SUCCESS);
    }

    /** ITI-57: availability status updates on registered documents. */
    public synchronized Response update(RegisterDocumentSet update) {
        for (Association association : update.getAssociations()) {
            if (association.getAssociationType() != AssociationType.UPDATE_AVAILABILITY_STATUS) {
                return RegistryFaults.failure(ErrorCode.METADATA_UPDATE_OPERATION_ERROR,
                        "The stand-in supports only UpdateAvailabilityStatus");
            }
            DocumentEntry target = byEntryUuid.get(association.getTargetUuid());
            if (target == null) {
                return RegistryFaults.failure(ErrorCode.UNRESOLVED_REFERENCE_EXCEPTION,
                        "Unknown document " + association.getTargetUuid());
            }
            if (target.getAvailabilityStatus() == association.getNewStatus()) {
                resentDeprecations++;
                return RegistryFaults.failure(ErrorCode.REGISTRY_DEPRECATED_DOCUMENT_ERROR,
                        "Document " + target.getUniqueId() + " is already " + association.getNewStatus());
            }
        }
        for (Association association : update.getAssociations()) {
            byEntryUuid.get(association.getTargetUuid()).setAvailabilityStatus(association.getNewStatus());
            deprecations++;
        }
        save();
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

    /**
     * GetRelatedDocuments with association type RPLC: the document itself and the documents
     * that replaced it or that it replaced, with those associations; nothing when it has none.
     */
    public synchronized Related replacementsOf(String entryUuid) {
        List<DocumentEntry> entries = new ArrayList<>();
        List<Association> associations = new ArrayList<>();
        if (!byEntryUuid.containsKey(entryUuid)) {
            return new Related(entries, associations);
        }
        replacedBy.forEach((target, source) -> {
            if (target.equals(entryUuid) || source.equals(entryUuid)) {
                String other = target.equals(entryUuid) ? source : target;
                entries.add(byEntryUuid.get(other));
                Association rplc = new Association(AssociationType.REPLACE, "urn:uuid:" + java.util.UUID.nameUUIDFromBytes(
                        (source + ">" + target).getBytes(java.nio.charset.StandardCharsets.UTF_8)), source, target);
                rplc.setAvailabilityStatus(AvailabilityStatus.APPROVED);
                associations.add(rplc);
            }
        });
        if (!entries.isEmpty()) {
            entries.add(0, byEntryUuid.get(entryUuid));
        }
        return new Related(entries, associations);
    }

    /** What GetRelatedDocuments answers. */
    public record Related(List<DocumentEntry> entries, List<Association> associations) {
    }

    public synchronized int size() {
        return byEntryUuid.size();
    }
}
