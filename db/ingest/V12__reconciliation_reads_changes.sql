-- After a restore to a point in time, registry-adapter reconciles the registry with the restored
-- database for every citizen whose data changed since the restore point (docs/operations.md,
-- "Restore"). Registry work in the restored database does not find them all: a change the lost
-- database registered may come back from the gateway's window as data that builds nothing new (a
-- measurement entered in error), so that citizen has no registry work after the restore, while the
-- registry still shows what the lost database registered. The change queue records every citizen
-- whose data came in again: registry-adapter may read who and when, nothing else.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${registryRole}') THEN
        CREATE ROLE ${registryRole} NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA ingest TO ${registryRole};
GRANT SELECT (citizen_cpr, changed_at) ON ingest.change TO ${registryRole};
