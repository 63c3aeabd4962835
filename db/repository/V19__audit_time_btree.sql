-- The audit's time index back to a B-tree (issue 27). V6 chose BRIN, on the grounds that the audit is
-- appended in time order. On disk it is not: once vacuum has recorded the few hundred bytes left at
-- the end of every full page, new audit rows (shorter than most) fill those gaps all over the table,
-- so every BRIN range soon spans from its own day to today. Measured at 10^6 documents and 311,000
-- audit rows: "the last day" (the pipeline page) read 7,261 of the table's 9,300 pages, and the time
-- grew with the audit's size (docs/benchmarks.md, "A year of the nation's data"). A B-tree reads the
-- day's rows only, whatever lies around them. Its inserts are at the right-hand edge (time only
-- grows), the cheap case, and it costs about 20 bytes per audit row.
-- CONCURRENTLY: the audit takes a row on every retrieve, and a plain CREATE INDEX would hold those
-- inserts (and so ITI-43) for as long as it reads the table. Flyway runs these statements outside
-- a transaction.
CREATE INDEX CONCURRENTLY IF NOT EXISTS retrieve_audit_at ON repository.retrieve_audit (at);
DROP INDEX CONCURRENTLY IF EXISTS repository.retrieve_audit_by_time;
