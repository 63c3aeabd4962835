package dk.eojxds.repository.documents;

import dk.eojxds.model.DocumentMetadata;

/** A built document: its bytes and the metadata (hash and size computed from those bytes). */
public record NewDocument(DocumentMetadata metadata, String partitionKey, String sourceFingerprint, byte[] content) {
}
