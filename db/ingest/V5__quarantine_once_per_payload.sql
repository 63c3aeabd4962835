-- An entry without a usable id cannot be keyed by it: such entries are kept once per distinct
-- payload (its SHA-256), counted when seen again, instead of a new row at every poll.
ALTER TABLE ingest.quarantine ADD COLUMN payload_sha256 text;
CREATE UNIQUE INDEX quarantine_per_payload ON ingest.quarantine (feed, payload_sha256)
    WHERE resource_id IS NULL AND payload_sha256 IS NOT NULL;
