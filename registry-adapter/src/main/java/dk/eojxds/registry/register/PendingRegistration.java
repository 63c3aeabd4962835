package dk.eojxds.registry.register;

import dk.eojxds.model.DocumentMetadata;

/** A document claimed from the outbox, with how many times it was tried before. */
record PendingRegistration(DocumentMetadata metadata, int attempts) {
}
