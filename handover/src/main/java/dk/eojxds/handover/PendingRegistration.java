package dk.eojxds.handover;

import dk.eojxds.model.DocumentMetadata;

/** A document claimed from the registration outbox, with how many times it was tried before. */
public record PendingRegistration(DocumentMetadata metadata, int attempts) {
}
