-- The operators' status page (served by xds-repository-service) shows, per municipality and
-- family, what arrived and when. A resource names its municipality by SOR code (TELMA: the
-- performer, K-PRO: the author, FSIII: the citizen's managing organisation); rows stored before
-- this column existed have none and show as "unknown" until they are received again.
ALTER TABLE ingest.resource ADD COLUMN municipality_sor text;

-- Answers "last received" per municipality with one index probe each, and the 24 h / 7 day
-- counts with an index-only range scan per municipality and family.
CREATE INDEX resource_by_municipality ON ingest.resource (municipality_sor, family, received_at);

-- A quarantined item's municipality, when it could still be read from the item (often it cannot:
-- that is why it is quarantined).
ALTER TABLE ingest.quarantine ADD COLUMN municipality_sor text;

-- Published, read-only, to the status page: what arrived (no citizen, no payload), the feeds'
-- cursors, and the quarantine by rule (the rule id before the reason's first colon; no payload).
CREATE VIEW ingest.resource_activity AS
SELECT municipality_sor, family, received_at FROM ingest.resource;

CREATE VIEW ingest.feed_status AS
SELECT feed, position, updated_at, gap_since, gap_detail FROM ingest.feed_cursor;

CREATE VIEW ingest.quarantine_rules AS
SELECT q.id, q.feed, q.family, q.municipality_sor, q.state, q.first_seen_at, q.last_seen_at,
       split_part(reason, ':', 1) AS rule
FROM ingest.quarantine q, unnest(q.reasons) AS reason;

GRANT SELECT ON ingest.resource_activity, ingest.feed_status, ingest.quarantine_rules TO ${repositoryRole};
