package dk.eojxds.testsupport;

import org.flywaydb.core.Flyway;

/** Applies a schema's migrations the way its owning service does at start-up. */
public final class Migrations {

    private Migrations() {
    }

    public static void apply(DatabaseCoordinates db, String schema) {
        Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/" + schema)
                .placeholders(java.util.Map.of("ingestRole", "eojxds_ingest", "repositoryRole", "eojxds_repository",
                        "registryRole", "eojxds_registry"))
                // as the services have it (repository V19 builds an index CONCURRENTLY)
                .configuration(java.util.Map.of("flyway.postgresql.transactional.lock", "false"))
                .load()
                .migrate();
    }
}
