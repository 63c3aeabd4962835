-- A feed whose cursor fell further behind than the gateway keeps data has lost deltas: the gap is
-- recorded and stays until an initial load clears it.
ALTER TABLE ingest.feed_cursor ADD COLUMN gap_since timestamptz;
ALTER TABLE ingest.feed_cursor ADD COLUMN gap_detail text;

-- Quarantine work flow: an item is OPEN until it is re-processed successfully or discarded by an
-- operator (who and why are kept).
ALTER TABLE ingest.quarantine ADD COLUMN family text;
ALTER TABLE ingest.quarantine ADD COLUMN state text NOT NULL DEFAULT 'OPEN'
    CHECK (state IN ('OPEN', 'REPROCESSED', 'DISCARDED'));
ALTER TABLE ingest.quarantine ADD COLUMN resolved_at timestamptz;
ALTER TABLE ingest.quarantine ADD COLUMN resolved_by text;
ALTER TABLE ingest.quarantine ADD COLUMN resolution_note text;

CREATE INDEX quarantine_open ON ingest.quarantine (last_seen_at) WHERE state = 'OPEN';
