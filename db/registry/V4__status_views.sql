-- Published, read-only, to the operators' status page (served by xds-repository-service): how the
-- registry answered each registration and deprecation. The page masks CPR-shaped numbers in the
-- error texts before it shows them.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${repositoryRole}') THEN
        CREATE ROLE ${repositoryRole} NOLOGIN;
    END IF;
END
$$;

CREATE VIEW registry.registration_status AS
SELECT document_unique_id, state, attempts, last_error, first_attempt_at, next_attempt_at, registered_at
FROM registry.registration;

CREATE VIEW registry.deprecation_status AS
SELECT document_unique_id, state, attempts, last_error, first_attempt_at, next_attempt_at, deprecated_at
FROM registry.deprecation;

-- registered documents by time, for freshness over the last day
CREATE INDEX registration_registered_at ON registry.registration (registered_at) WHERE registered_at IS NOT NULL;

GRANT USAGE ON SCHEMA registry TO ${repositoryRole};
GRANT SELECT ON registry.registration_status, registry.deprecation_status TO ${repositoryRole};
