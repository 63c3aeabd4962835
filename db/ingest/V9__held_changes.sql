-- 2 = held: raised by an initial load that is still running; built once the load has finished
-- (or has been held for an hour), so each document is built once from complete data.
ALTER TABLE ingest.change DROP CONSTRAINT change_priority_check;
ALTER TABLE ingest.change ADD CONSTRAINT change_priority_check CHECK (priority IN (0, 1, 2));
