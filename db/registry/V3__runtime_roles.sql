-- Least privilege: the schema belongs to the role that runs the migrations; ${registryRole}
-- writes only its own tables. A missing role is created without LOGIN; the local stack and the
-- tests create it as a login role beforehand.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${registryRole}') THEN
        CREATE ROLE ${registryRole} NOLOGIN;
    END IF;
END
$$;

REVOKE ALL ON SCHEMA registry FROM PUBLIC;
GRANT USAGE ON SCHEMA registry TO ${registryRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON registry.registration, registry.deprecation TO ${registryRole};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA registry TO ${registryRole};
