-- Resources outside their feed's FSIII data scope (issue 13): never stored, and of them only what
-- an operator needs to take the matter up with the municipality: which resource, in which report,
-- by which rule, when. No payload, no codes, no citizen: holding those would be the breach.
CREATE TABLE ingest.withheld (
    feed          text        NOT NULL,
    resource_type text        NOT NULL,
    resource_id   text        NOT NULL,
    report_id     text,
    rule          text        NOT NULL,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    times_seen    int         NOT NULL DEFAULT 1,
    PRIMARY KEY (feed, resource_type, resource_id)
);

CREATE INDEX withheld_recent ON ingest.withheld (last_seen_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON ingest.withheld TO ${ingestRole};
