package dk.eojxds.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openehealth.ipf.commons.ihe.xds.core.SampleData;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;

class InMemoryRegistryTest {

    @TempDir
    Path directory;

    private static RegisterDocumentSet submission() {
        return SampleData.createRegisterDocumentSet();
    }

    @Test
    void reRegisteringTheSameDocumentIsADuplicateAndChangesNothing() {
        InMemoryRegistry registry = new InMemoryRegistry(new RegistryStandInProperties(null, true));
        RegisterDocumentSet submission = submission();
        assertThat(registry.register(submission).getStatus()).isEqualTo(Status.SUCCESS);
        var again = registry.register(submission);
        assertThat(again.getStatus()).isEqualTo(Status.FAILURE);
        assertThat(again.getErrors()).extracting(e -> e.getErrorCode())
                .containsExactly(ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY);
        assertThat(registry.size()).isEqualTo(1);
        assertThat(registry.counts()).isEqualTo(new InMemoryRegistry.Counts(2, 1, 1, 2, 0, 0, 1));
    }

    @Test
    void theSameUniqueIdWithAnotherHashIsRejected() {
        InMemoryRegistry registry = new InMemoryRegistry(new RegistryStandInProperties(null, true));
        registry.register(submission());
        RegisterDocumentSet changed = submission();
        changed.getDocumentEntries().get(0).setHash("ffffffffffffffffffffffffffffffffffffffff");
        var response = registry.register(changed);
        assertThat(response.getStatus()).isEqualTo(Status.FAILURE);
        assertThat(response.getErrors()).extracting(e -> e.getErrorCode()).containsExactly(ErrorCode.NON_IDENTICAL_HASH);
    }

    @Test
    void aFileBackedRegistryKeepsItsEntriesAcrossRestarts() {
        RegistryStandInProperties properties = new RegistryStandInProperties(directory.resolve("registry.ser").toString(), true);
        RegisterDocumentSet submission = submission();
        DocumentEntry entry = submission.getDocumentEntries().get(0);
        new InMemoryRegistry(properties).register(submission);

        InMemoryRegistry restarted = new InMemoryRegistry(properties);
        assertThat(restarted.findDocuments(entry.getPatientId().getId(), List.of(AvailabilityStatus.APPROVED)))
                .extracting(DocumentEntry::getUniqueId).containsExactly(entry.getUniqueId());
    }

    @Test
    void aReplacementIsFoundFromEitherSideAndSurvivesARestart() {
        RegistryStandInProperties properties = new RegistryStandInProperties(directory.resolve("rplc.ser").toString(), true);
        InMemoryRegistry registry = new InMemoryRegistry(properties);
        RegisterDocumentSet first = submission();
        registry.register(first);
        DocumentEntry original = first.getDocumentEntries().get(0);
        RegisterDocumentSet second = submission();
        DocumentEntry newer = second.getDocumentEntries().get(0);
        newer.setUniqueId(original.getUniqueId() + ".2");
        newer.setEntryUuid("urn:uuid:" + java.util.UUID.randomUUID());
        second.getAssociations().clear();
        second.getAssociations().add(new org.openehealth.ipf.commons.ihe.xds.core.metadata.Association(
                org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType.REPLACE,
                "urn:uuid:" + java.util.UUID.randomUUID(), newer.getEntryUuid(), original.getEntryUuid()));
        assertThat(registry.register(second).getStatus()).isEqualTo(Status.SUCCESS);

        InMemoryRegistry restarted = new InMemoryRegistry(properties);
        for (String side : List.of(original.getEntryUuid(), newer.getEntryUuid())) {
            InMemoryRegistry.Related related = restarted.replacementsOf(side);
            assertThat(related.entries()).extracting(DocumentEntry::getEntryUuid)
                    .containsExactlyInAnyOrder(original.getEntryUuid(), newer.getEntryUuid());
            assertThat(related.associations()).singleElement().satisfies(a -> {
                assertThat(a.getSourceUuid()).isEqualTo(newer.getEntryUuid());
                assertThat(a.getTargetUuid()).isEqualTo(original.getEntryUuid());
            });
        }
        assertThat(restarted.counts().approved()).isEqualTo(1);
    }
}
