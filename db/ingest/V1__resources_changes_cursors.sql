-- Schema "ingest", owned by ingest-service.
-- Published interface (read by xds-repository-service, see docs/architecture.md):
--   ingest.resource  the newest version of every upstream resource, raw JSON plus query columns
--   ingest.change    one row per (family, citizen, partition) whose document must be rebuilt;
--                    the consumer claims rows with FOR UPDATE SKIP LOCKED and sets processed_at.

CREATE TABLE ingest.feed_cursor (
    feed          text        PRIMARY KEY,
    -- resources with meta.lastUpdated >= position are (re-)read on the next poll
    position      timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ingest.resource (
    resource_type text        NOT NULL,
    resource_id   text        NOT NULL,
    family        text        NOT NULL CHECK (family IN ('FSIII', 'TELMA', 'KPRO')),
    feed          text        NOT NULL,
    citizen_cpr   char(10)    NOT NULL,
    -- the document this resource belongs to within the citizen: a day for TELMA
    -- (Europe/Copenhagen), a response id for K-PRO, 'current' for FSIII
    partition_key text        NOT NULL,
    version_id    bigint,
    last_updated  timestamptz NOT NULL,
    status        text,
    raw_json      text        NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (resource_type, resource_id)
);

CREATE INDEX resource_by_document ON ingest.resource (family, citizen_cpr, partition_key);

CREATE TABLE ingest.change (
    family        text        NOT NULL,
    citizen_cpr   char(10)    NOT NULL,
    partition_key text        NOT NULL,
    -- bumped on every change, so a consumer can tell whether it processed the latest one
    revision      bigint      NOT NULL DEFAULT 1,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    processed_at  timestamptz,
    PRIMARY KEY (family, citizen_cpr, partition_key)
);

CREATE INDEX change_pending ON ingest.change (changed_at) WHERE processed_at IS NULL;

-- Input that failed validation: kept whole, with every reason, never silently dropped.
CREATE TABLE ingest.quarantine (
    id            bigserial   PRIMARY KEY,
    feed          text        NOT NULL,
    resource_type text,
    resource_id   text,
    -- where in the feed it was seen: the page URL or the search position
    position      text,
    reasons       text[]      NOT NULL,
    raw_payload   text        NOT NULL,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    times_seen    int         NOT NULL DEFAULT 1
);

CREATE UNIQUE INDEX quarantine_per_resource ON ingest.quarantine (feed, resource_type, resource_id)
    WHERE resource_id IS NOT NULL;
