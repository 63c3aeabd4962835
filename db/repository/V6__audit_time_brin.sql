-- The audit trail is appended in time order and read by time ranges (the statistics, by month):
-- a BRIN index answers those ranges as well as the B-tree did, at a fraction of its cost on every
-- retrieve (one B-tree insertion per audit row) and of its size.
DROP INDEX repository.retrieve_audit_by_time;
CREATE INDEX retrieve_audit_by_time ON repository.retrieve_audit USING brin (at);
