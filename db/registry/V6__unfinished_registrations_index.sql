-- Registrations are looked up by state only while they are not REGISTERED: the status page's counts
-- (state <> 'REGISTERED'), the latest registry errors (PENDING, FAILED) and the parked ones (FAILED).
-- V1's index held every registration's state, so it grew with the store (a national year holds
-- some 10^7 REGISTERED rows) and could not serve "state <> 'REGISTERED'", which read the whole
-- table on every view of the pipeline page (issue 27, measured in docs/benchmarks.md). This one
-- holds the unfinished ones only: a handful, whatever is stored.
DROP INDEX registry.registration_by_state;
CREATE INDEX registration_unfinished ON registry.registration (state, first_attempt_at) WHERE state <> 'REGISTERED';
