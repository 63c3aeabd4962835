-- Least privilege: the schema, its tables and the audit trail's triggers belong to the role that
-- runs the migrations. ${repositoryRole} writes its own tables, but the audit trail only with
-- INSERT and SELECT: it can neither change nor remove a row, nor reach the triggers (only the
-- owner can disable them). ${registryRole} reads the published interface (the outboxes and the
-- document_metadata view) and takes items off the outboxes. Missing roles are created without
-- LOGIN; the local stack and the tests create them as login roles beforehand.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${repositoryRole}') THEN
        CREATE ROLE ${repositoryRole} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${registryRole}') THEN
        CREATE ROLE ${registryRole} NOLOGIN;
    END IF;
END
$$;

REVOKE ALL ON SCHEMA repository FROM PUBLIC;
GRANT USAGE ON SCHEMA repository TO ${repositoryRole}, ${registryRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON repository.document, repository.registration_outbox,
    repository.deprecation_outbox, repository.build_failure, repository.sor_unit TO ${repositoryRole};
GRANT SELECT ON repository.document_metadata TO ${repositoryRole};
GRANT SELECT, INSERT ON repository.retrieve_audit TO ${repositoryRole};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA repository TO ${repositoryRole};
GRANT SELECT, UPDATE, DELETE ON repository.registration_outbox, repository.deprecation_outbox TO ${registryRole};
GRANT SELECT ON repository.document_metadata TO ${registryRole};
