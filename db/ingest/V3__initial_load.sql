-- Initial loads from FHIR Bulk Data NDJSON files: one row per file, its byte position committed
-- with every batch, so that a crashed load resumes where it stopped.
CREATE TABLE ingest.initial_load_file (
    path           text        PRIMARY KEY,
    size_bytes     bigint      NOT NULL,
    position_bytes bigint      NOT NULL DEFAULT 0,
    lines_done     bigint      NOT NULL DEFAULT 0,
    resources      bigint      NOT NULL DEFAULT 0,
    quarantined    bigint      NOT NULL DEFAULT 0,
    started_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz
);
