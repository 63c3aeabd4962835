-- Live documents (built from polled or pushed deltas) are registered before backlog (an initial
-- load, a reprocess): 0 = live, 1 = backlog, as the change they were built from (handover's Priority).
ALTER TABLE repository.registration_outbox ADD COLUMN priority smallint NOT NULL DEFAULT 0 CHECK (priority IN (0, 1));
CREATE INDEX registration_outbox_due ON repository.registration_outbox (priority, enqueued_at);
