-- Live changes (polled and pushed deltas) are built before backlog (initial load, reprocessing):
-- 0 = live, 1 = backlog (handover's Priority). A pending change raised both ways stays live.
ALTER TABLE ingest.change ADD COLUMN priority smallint NOT NULL DEFAULT 0 CHECK (priority IN (0, 1));

DROP INDEX ingest.change_pending;
CREATE INDEX change_pending ON ingest.change (priority, changed_at) WHERE processed_at IS NULL;

-- an operator's rebuild and the re-take of waiting documents set the priority they are queued at
GRANT UPDATE (priority) ON ingest.change TO ${repositoryRole};
