-- Schema "registry", owned by registry-adapter: what was sent to the document registry and
-- how it answered. One row per document; a document is registered at most once.
--   PENDING     a transient failure (transport, registry busy); retried at next_attempt_at
--   REGISTERED  the registry answered Success (or that it already had the document)
--   FAILED      a permanent error (metadata, unknown patient); parked until an operator retries

CREATE TABLE registry.registration (
    document_unique_id       text        PRIMARY KEY,
    entry_uuid               text        NOT NULL,
    submission_set_unique_id text        NOT NULL,
    state                    text        NOT NULL CHECK (state IN ('PENDING', 'REGISTERED', 'FAILED')),
    attempts                 int         NOT NULL DEFAULT 0,
    last_error               text,
    next_attempt_at          timestamptz,
    first_attempt_at         timestamptz NOT NULL DEFAULT now(),
    registered_at            timestamptz
);

CREATE INDEX registration_by_state ON registry.registration (state);
