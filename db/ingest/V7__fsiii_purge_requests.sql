-- An operator's purge of FSIII data outside its feed's scope (issue 13): ingest deletes the
-- resources and leaves one request per citizen, which the repository takes up when it rebuilds the
-- citizen's overview: it withdraws (ITI-57) every current document stored before the request and
-- starts a new chain, then deletes the request. The request holds no payload.
CREATE TABLE ingest.fsiii_purge (
    citizen_cpr   char(10)    PRIMARY KEY,
    requested_at  timestamptz NOT NULL DEFAULT now(),
    requested_by  text        NOT NULL,
    resources     int         NOT NULL
);

GRANT SELECT, INSERT, UPDATE, DELETE ON ingest.fsiii_purge TO ${ingestRole};
GRANT SELECT, DELETE ON ingest.fsiii_purge TO ${repositoryRole};
