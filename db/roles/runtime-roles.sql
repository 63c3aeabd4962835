-- The services' runtime login roles (least privilege; what each may do is granted by the
-- migrations of the schemas, which run as the schema owner). Run once per PostgreSQL server by
-- an administrator, with real passwords; docker-compose.yml runs it at the database's first start.
CREATE ROLE eojxds_ingest LOGIN PASSWORD 'eojxds';
CREATE ROLE eojxds_repository LOGIN PASSWORD 'eojxds';
CREATE ROLE eojxds_registry LOGIN PASSWORD 'eojxds';
