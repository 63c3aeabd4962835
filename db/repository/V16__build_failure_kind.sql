-- What kind of build failure a row is, and when a transient one is tried again:
--   DATA      the document's data: recorded once, parked for an operator (or the next change)
--   TRANSIENT not about the document (a library or configuration error, a timeout, a lost
--             connection): tried again automatically, with backoff, up to a limit
--   WAITING   waits for reference data (a questionnaire not in the catalogue yet)
ALTER TABLE repository.build_failure
    ADD COLUMN kind     text        NOT NULL DEFAULT 'DATA' CHECK (kind IN ('DATA', 'TRANSIENT', 'WAITING')),
    ADD COLUMN attempts int         NOT NULL DEFAULT 1,
    ADD COLUMN retry_at timestamptz;

UPDATE repository.build_failure SET kind = 'WAITING' WHERE reason LIKE 'Waiting: %';

-- the retry sweep's claim: transient failures that are due
CREATE INDEX build_failure_retry_due ON repository.build_failure (retry_at) WHERE retry_at IS NOT NULL;
