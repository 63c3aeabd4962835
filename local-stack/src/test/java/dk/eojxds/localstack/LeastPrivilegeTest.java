package dk.eojxds.localstack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.Migrations;
import dk.eojxds.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each service's database role can do its own work and nothing else: no service writes into
 * another's tables beyond the published interfaces, and the role that writes the audit trail can
 * neither change nor remove a row, nor switch the append-only triggers off. (That the grants are
 * enough for the real work is shown by the end-to-end tests, which run the services as these roles.)
 */
class LeastPrivilegeTest {

    static DatabaseCoordinates owner;

    @BeforeAll
    static void migrate() throws SQLException {
        owner = PostgresServer.forTests().createDatabase("roles");
        owner.ensureRuntimeRoles();
        for (String schema : new String[] {"ingest", "repository", "registry"}) {
            Migrations.apply(owner, schema);
        }
    }

    @Test
    void theAuditTrailCanBeWrittenAndReadButNeverChangedByItsWriter() {
        DatabaseCoordinates repository = owner.as("eojxds_repository");
        assertThatCode(() -> as(repository, "INSERT INTO repository.retrieve_audit (request_id, outcome, caller_verified) "
                + "VALUES (gen_random_uuid(), 'REFUSED', false)")).doesNotThrowAnyException();
        assertThatCode(() -> as(repository, "SELECT count(*) FROM repository.retrieve_audit")).doesNotThrowAnyException();
        refused(repository, "UPDATE repository.retrieve_audit SET reason = 'x'");
        refused(repository, "DELETE FROM repository.retrieve_audit");
        refused(repository, "TRUNCATE repository.retrieve_audit");
        refused(repository, "ALTER TABLE repository.retrieve_audit DISABLE TRIGGER retrieve_audit_append_only");
        refused(repository, "DROP TRIGGER retrieve_audit_append_only ON repository.retrieve_audit");
        refused(repository, "CREATE OR REPLACE FUNCTION repository.refuse_audit_change() RETURNS trigger "
                + "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
    }

    @Test
    void theRepositoryReadsIngestsPublishedInterfaceAndWritesNothingElseThere() {
        DatabaseCoordinates repository = owner.as("eojxds_repository");
        assertThatCode(() -> as(repository, "SELECT count(*) FROM ingest.resource JOIN ingest.change USING (family)"))
                .doesNotThrowAnyException();
        assertThatCode(() -> as(repository, "UPDATE ingest.change SET processed_at = now() WHERE false"))
                .doesNotThrowAnyException();
        refused(repository, "UPDATE ingest.change SET citizen_cpr = '0101501234' WHERE false");
        refused(repository, "INSERT INTO ingest.quarantine (feed, family, resource_type, resource_id, position, reasons, "
                + "raw_payload) VALUES ('x', 'TELMA', 'Observation', 'o', 'p', '{}', '{}')");
        refused(repository, "DELETE FROM ingest.resource");
        refused(repository, "SELECT count(*) FROM ingest.quarantine");
        refused(repository, "SELECT count(*) FROM registry.registration");
    }

    @Test
    void ingestSeesNothingOutsideItsOwnSchema() {
        DatabaseCoordinates ingest = owner.as("eojxds_ingest");
        assertThatCode(() -> as(ingest, "SELECT count(*) FROM ingest.quarantine")).doesNotThrowAnyException();
        refused(ingest, "SELECT count(*) FROM repository.document");
        refused(ingest, "SELECT count(*) FROM repository.retrieve_audit");
        refused(ingest, "SELECT count(*) FROM registry.registration");
        refused(ingest, "CREATE TABLE ingest.extra (x int)");
    }

    @Test
    void theRegistryAdapterTakesFromTheOutboxesAndReadsOnlyThePublishedMetadata() {
        DatabaseCoordinates registry = owner.as("eojxds_registry");
        assertThatCode(() -> as(registry, "SELECT count(*) FROM repository.document_metadata")).doesNotThrowAnyException();
        assertThatCode(() -> as(registry, "DELETE FROM repository.registration_outbox WHERE false"))
                .doesNotThrowAnyException();
        assertThatCode(() -> as(registry, "SELECT count(*) FROM registry.registration")).doesNotThrowAnyException();
        refused(registry, "SELECT count(*) FROM repository.document");
        refused(registry, "INSERT INTO repository.retrieve_audit (request_id, outcome, caller_verified) "
                + "VALUES (gen_random_uuid(), 'REFUSED', false)");
        refused(registry, "SELECT count(*) FROM ingest.resource");
    }

    private static void refused(DatabaseCoordinates who, String sql) {
        assertThatThrownBy(() -> as(who, sql)).as(who.user() + ": " + sql).isInstanceOf(SQLException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((SQLException) e).getSQLState())
                        .as(e.getMessage()).isEqualTo("42501"));
    }

    private static void as(DatabaseCoordinates who, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(who.url(), who.user(), who.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
