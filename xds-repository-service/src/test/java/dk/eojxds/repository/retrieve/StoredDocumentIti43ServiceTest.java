package dk.eojxds.repository.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dk.eojxds.dgws.CallerIdentity;
import dk.eojxds.repository.RepositoryProperties;
import dk.eojxds.repository.audit.AuditTrail;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.requests.DocumentReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;

class StoredDocumentIti43ServiceTest {

    private static final String REPOSITORY = "1.2.3.4.5";
    private final StoredDocuments documents = mock(StoredDocuments.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private final Iti43Service service = new StoredDocumentIti43Service(documents, new RepositoryProperties(REPOSITORY,
            "urn:oid:1.2.208.176.8.1", Duration.ofSeconds(1), 1, 1, null, null, null, null, "2.1", null), new SimpleMeterRegistry(),
            audit);

    StoredDocumentIti43ServiceTest() {
        when(documents.find(any())).thenAnswer(call -> {
            List<String> ids = call.getArgument(0);
            if (ids.contains("broken")) {
                throw new IllegalStateException("connection reset by peer at db-7");
            }
            return ids.contains("doc-1") ? Map.of("doc-1", new StoredDocuments.RetrievableDocument("doc-1",
                    "text/xml", 19, "TELMA", "0101501234", "1301000016005", documents, null)) : Map.of();
        });
        when(documents.slice("doc-1", 0, 19)).thenReturn("<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8));
    }

    private RetrievedDocumentSet retrieve(String repository, String... uniqueIds) {
        RetrieveDocumentSet request = new RetrieveDocumentSet();
        for (String id : uniqueIds) {
            request.getDocuments().add(new DocumentReference(repository, id, "urn:oid:1.2.208.176.8.1"));
        }
        return service.retrieve(request,
                new AuditTrail.Retrieval(UUID.randomUUID(), CallerIdentity.unverified(), "127.0.0.1"));
    }

    @Test
    void allFoundIsSuccessWithTheStoredMimeType() throws Exception {
        RetrievedDocumentSet response = retrieve(REPOSITORY, "doc-1");
        assertThat(response.getStatus()).isEqualTo(Status.SUCCESS);
        assertThat(response.getErrors()).isEmpty();
        assertThat(response.getDocuments()).singleElement().satisfies(d -> {
            assertThat(d.getMimeType()).isEqualTo("text/xml");
            assertThat(d.getRequestData().getRepositoryUniqueId()).isEqualTo(REPOSITORY);
            assertThat(d.getRequestData().getHomeCommunityId()).isEqualTo("urn:oid:1.2.208.176.8.1");
            try {
                assertThat(d.getDataHandler().getInputStream().readAllBytes()).asString(StandardCharsets.UTF_8)
                        .isEqualTo("<ClinicalDocument/>");
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void someMissingIsPartialSuccessWithTheMissingIdAsLocation() {
        RetrievedDocumentSet response = retrieve(REPOSITORY, "doc-1", "missing");
        assertThat(response.getStatus()).isEqualTo(Status.PARTIAL_SUCCESS);
        assertThat(response.getDocuments()).hasSize(1);
        assertThat(response.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getErrorCode()).isEqualTo(ErrorCode.DOCUMENT_UNIQUE_ID_ERROR);
            assertThat(e.getLocation()).isEqualTo("missing");
        });
    }

    @Test
    void noneFoundIsFailure() {
        assertThat(retrieve(REPOSITORY, "missing").getStatus()).isEqualTo(Status.FAILURE);
    }

    @Test
    void anotherRepositoryIsUnknownRepositoryId() {
        RetrievedDocumentSet response = retrieve("9.9.9", "doc-1");
        assertThat(response.getStatus()).isEqualTo(Status.FAILURE);
        assertThat(response.getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.UNKNOWN_REPOSITORY_ID));
    }

    @Test
    void anInternalErrorIsRepositoryErrorWithoutInternalsForEveryDocumentAndIsAudited() {
        RetrievedDocumentSet response = retrieve(REPOSITORY, "broken", "doc-1");
        assertThat(response.getStatus()).isEqualTo(Status.FAILURE);
        assertThat(response.getErrors()).hasSize(2).allSatisfy(e -> {
            assertThat(e.getErrorCode()).isEqualTo(ErrorCode.REPOSITORY_ERROR);
            assertThat(e.getCodeContext()).doesNotContain("db-7");
        });
        verify(audit).retrieved(any(), argThat(rows -> rows.size() == 2
                && rows.stream().allMatch(r -> r.outcome().equals("ERROR"))));
    }

    @Test
    void anotherRepositoryIsAuditedAsNotFoundWithoutALookUp() {
        retrieve("9.9.9", "doc-1");
        verify(documents, never()).find(any());
        verify(audit).retrieved(any(), argThat(rows -> rows.size() == 1 && rows.get(0).outcome().equals("NOT_FOUND")));
    }
}
