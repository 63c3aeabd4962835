-- ITI-57 deprecations sent to the registry, one row per document (same states as registrations).
CREATE TABLE registry.deprecation (
    document_unique_id       text        PRIMARY KEY,
    entry_uuid               text        NOT NULL,
    submission_set_unique_id text        NOT NULL,
    state                    text        NOT NULL CHECK (state IN ('PENDING', 'DEPRECATED', 'FAILED')),
    attempts                 int         NOT NULL DEFAULT 0,
    last_error               text,
    next_attempt_at          timestamptz,
    first_attempt_at         timestamptz NOT NULL DEFAULT now(),
    deprecated_at            timestamptz
);
