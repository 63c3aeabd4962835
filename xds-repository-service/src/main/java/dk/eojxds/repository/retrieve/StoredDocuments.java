package dk.eojxds.repository.retrieve;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads stored documents for retrieval; replaced (deprecated) documents stay retrievable. */
@Repository
class StoredDocuments {

    private final JdbcClient jdbc;

    StoredDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RetrievableDocument> find(String uniqueId) {
        return jdbc.sql("SELECT unique_id, mime_type, content FROM repository.document WHERE unique_id = ?")
                .param(uniqueId)
                .query((rs, i) -> new RetrievableDocument(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    record RetrievableDocument(String uniqueId, String mimeType, byte[] content) {
    }
}
