-- Least privilege: the schema and its tables belong to the role that runs the migrations; the
-- services run as roles that can do only their own work. ${ingestRole} writes its own tables;
-- ${repositoryRole} reads the published interface (resources and their changes) and may mark a
-- change processed or due again (claimed with FOR UPDATE, which needs that column privilege).
-- Roles missing here are created without LOGIN (a DBA grants them to login users); the local
-- stack and the tests create them as login roles beforehand.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ingestRole}') THEN
        CREATE ROLE ${ingestRole} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${repositoryRole}') THEN
        CREATE ROLE ${repositoryRole} NOLOGIN;
    END IF;
END
$$;

REVOKE ALL ON SCHEMA ingest FROM PUBLIC;
GRANT USAGE ON SCHEMA ingest TO ${ingestRole}, ${repositoryRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON ingest.feed_cursor, ingest.resource, ingest.change, ingest.quarantine,
    ingest.initial_load_file TO ${ingestRole};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ingest TO ${ingestRole};
GRANT SELECT ON ingest.resource, ingest.change TO ${repositoryRole};
GRANT UPDATE (processed_at, changed_at) ON ingest.change TO ${repositoryRole};
