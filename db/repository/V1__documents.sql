-- Schema "repository", owned by xds-repository-service.
-- Published interface (read by registry-adapter, see docs/architecture.md):
--   repository.document_metadata  every stored document's XDS metadata (no content)
--   repository.registration_outbox documents waiting to be registered; the consumer claims rows
--                                  with FOR UPDATE SKIP LOCKED and deletes them when done.

CREATE TABLE repository.document (
    unique_id                text        PRIMARY KEY,
    entry_uuid               text        NOT NULL UNIQUE,
    family                   text        NOT NULL,
    citizen_cpr              char(10)    NOT NULL,
    partition_key            text        NOT NULL,
    -- the state of this document in its (family, citizen, partition) series
    status                   text        NOT NULL CHECK (status IN ('CURRENT', 'REPLACED')),
    replaces_unique_id       text        REFERENCES repository.document (unique_id),
    author_name              text        NOT NULL,
    author_sor               text        NOT NULL,
    class_code               text        NOT NULL,
    class_code_scheme        text        NOT NULL,
    class_code_display       text        NOT NULL,
    type_code                text        NOT NULL,
    type_code_scheme         text        NOT NULL,
    type_code_display        text        NOT NULL,
    format_code              text        NOT NULL,
    format_code_scheme       text        NOT NULL,
    format_code_display      text        NOT NULL,
    confidentiality_code     text        NOT NULL,
    language_code            text        NOT NULL,
    facility_type_code       text        NOT NULL,
    facility_type_display    text        NOT NULL,
    practice_setting_code    text        NOT NULL,
    practice_setting_display text        NOT NULL,
    -- NPU codes, each "code|display"
    event_codes              text[]      NOT NULL DEFAULT '{}',
    title                    text        NOT NULL,
    creation_time            timestamptz NOT NULL,
    service_start_time       timestamptz,
    service_stop_time        timestamptz,
    mime_type                text        NOT NULL,
    hash_sha1                char(40)    NOT NULL,
    size_bytes               bigint      NOT NULL,
    repository_unique_id     text        NOT NULL,
    home_community_id        text        NOT NULL,
    content                  bytea       NOT NULL,
    -- SHA-1 of the source data the document was built from: an unchanged fingerprint means
    -- nothing to publish, so replays and rebuilds never create spurious versions
    source_fingerprint       char(40)    NOT NULL,
    stored_at                timestamptz NOT NULL DEFAULT now()
);

-- at most one current document per series
CREATE UNIQUE INDEX document_current_per_series ON repository.document (family, citizen_cpr, partition_key)
    WHERE status = 'CURRENT';
CREATE INDEX document_by_citizen ON repository.document (citizen_cpr);

CREATE VIEW repository.document_metadata AS
SELECT unique_id, entry_uuid, family, citizen_cpr, partition_key, status, replaces_unique_id,
       author_name, author_sor, class_code, class_code_scheme, class_code_display,
       type_code, type_code_scheme, type_code_display, format_code, format_code_scheme, format_code_display,
       confidentiality_code, language_code, facility_type_code, facility_type_display,
       practice_setting_code, practice_setting_display, event_codes, title, creation_time,
       service_start_time, service_stop_time, mime_type, hash_sha1, size_bytes,
       repository_unique_id, home_community_id
FROM repository.document;

CREATE TABLE repository.registration_outbox (
    document_unique_id text        PRIMARY KEY REFERENCES repository.document (unique_id),
    enqueued_at        timestamptz NOT NULL DEFAULT now()
);

-- A change whose document could not be built: visible to operators with the reason; the next
-- change of the same series (or an operator's re-run) tries again.
CREATE TABLE repository.build_failure (
    family        text        NOT NULL,
    citizen_cpr   char(10)    NOT NULL,
    partition_key text        NOT NULL,
    revision      bigint      NOT NULL,
    reason        text        NOT NULL,
    failed_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (family, citizen_cpr, partition_key)
);
