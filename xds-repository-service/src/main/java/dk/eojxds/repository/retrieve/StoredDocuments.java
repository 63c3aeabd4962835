package dk.eojxds.repository.retrieve;

import jakarta.activation.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads stored documents for retrieval; replaced (deprecated) documents stay retrievable. The
 * content is not loaded here: the answer's attachment reads it in slices while CXF writes the
 * response, so a large document never sits in memory whole.
 */
@Component
class StoredDocuments {

    static final int CHUNK = 1 << 20;

    private final JdbcClient jdbc;

    StoredDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The documents with these ids that exist and were not purged (repository V14); a document of
     * one slice or less comes with its content.
     */
    Map<String, RetrievableDocument> find(List<String> uniqueIds) {
        Map<String, RetrievableDocument> found = new HashMap<>();
        jdbc.sql("""
                        SELECT unique_id, mime_type, size_bytes, family, citizen_cpr, author_sor,
                               CASE WHEN size_bytes <= ? THEN content END AS small_content
                        FROM repository.document WHERE unique_id = ANY (CAST(? AS text[])) AND purged_at IS NULL""")
                .param(CHUNK).param(uniqueIds.toArray(String[]::new))
                .query((rs, i) -> new RetrievableDocument(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), this, rs.getBytes(7)))
                .list().forEach(document -> found.put(document.uniqueId(), document));
        return found;
    }

    byte[] slice(String uniqueId, long offset, int length) {
        return jdbc.sql("SELECT substring(content FROM CAST(? AS int) FOR CAST(? AS int)) FROM repository.document WHERE unique_id = ?")
                .param(offset + 1).param(length).param(uniqueId)
                .query((rs, i) -> rs.getBytes(1)).single();
    }

    /** A document found for retrieval: its metadata, and its content as a stream of slices. */
    record RetrievableDocument(String uniqueId, String mimeType, long size, String family, String citizenCpr,
                               String municipalitySor, StoredDocuments store, byte[] smallContent) implements DataSource {

        @Override
        public InputStream getInputStream() {
            return smallContent != null ? new java.io.ByteArrayInputStream(smallContent)
                    : new SliceStream(store, uniqueId, size);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("stored documents are immutable");
        }

        @Override
        public String getContentType() {
            return mimeType;
        }

        @Override
        public String getName() {
            return uniqueId;
        }
    }

    /** Reads the content one slice (1 MiB) at a time; documents never change, so slices are consistent. */
    static final class SliceStream extends InputStream {

        private final StoredDocuments store;
        private final String uniqueId;
        private final long size;
        private long position;
        private byte[] buffer = new byte[0];
        private int index;

        SliceStream(StoredDocuments store, String uniqueId, long size) {
            this.store = store;
            this.uniqueId = uniqueId;
            this.size = size;
        }

        private boolean fill() {
            if (index < buffer.length) {
                return true;
            }
            if (position >= size) {
                return false;
            }
            buffer = store.slice(uniqueId, position, (int) Math.min(CHUNK, size - position));
            position += buffer.length;
            index = 0;
            return buffer.length > 0;
        }

        @Override
        public int read() {
            return fill() ? buffer[index++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, buffer.length - index);
            System.arraycopy(buffer, index, target, offset, n);
            index += n;
            return n;
        }
    }
}
