package dk.eojxds.handover;

import com.zaxxer.hikari.HikariDataSource;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.Migrations;
import dk.eojxds.testsupport.PostgresServer;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh database with the three schemas whose queues the module owns, migrated as their services
 * do, and connections as the runtime roles that use the queues (least privilege is part of what
 * is tested) and as the owner (to set up and inspect).
 */
final class HandoverDatabase implements AutoCloseable {

    final JdbcClient owner;
    final DatabaseCoordinates coordinates;
    final HikariDataSource repositoryRole;
    final HikariDataSource ingestRole;
    final HikariDataSource registryRole;

    HandoverDatabase(String purpose) {
        DatabaseCoordinates db = PostgresServer.forTests().createDatabase(purpose);
        coordinates = db;
        db.ensureRuntimeRoles();
        Migrations.apply(db, "ingest");
        Migrations.apply(db, "repository");
        Migrations.apply(db, "registry");
        owner = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(db.url(), db.user(),
                db.password() == null ? "" : db.password()));
        repositoryRole = pool(db.as("eojxds_repository"));
        ingestRole = pool(db.as("eojxds_ingest"));
        registryRole = pool(db.as("eojxds_registry"));
    }

    private static HikariDataSource pool(DatabaseCoordinates db) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(db.url());
        pool.setUsername(db.user());
        pool.setPassword(db.password());
        pool.setMaximumPoolSize(8);
        return pool;
    }

    static JdbcTemplate jdbc(HikariDataSource pool) {
        return new JdbcTemplate(pool);
    }

    static JdbcTransactionManager transactions(HikariDataSource pool) {
        return new JdbcTransactionManager(pool);
    }

    /** Stores a TELMA document as xds-repository-service would (as the owner: the test's set-up). */
    void storeDocument(String uniqueId, String replaces, String citizen) {
        storeDocument(uniqueId, replaces, citizen, uniqueId, "CURRENT");
    }

    /** Stores a TELMA document of the citizen's series {@code partition}, in the given status. */
    void storeDocument(String uniqueId, String replaces, String citizen, String partition, String status) {
        owner.sql("""
                INSERT INTO repository.document (unique_id, entry_uuid, family, citizen_cpr, partition_key, status,
                    replaces_unique_id, author_name, author_sor, class_code, class_code_scheme, class_code_display,
                    type_code, type_code_scheme, type_code_display, format_code, format_code_scheme, format_code_display,
                    confidentiality_code, language_code, facility_type_code, facility_type_display,
                    practice_setting_code, practice_setting_display, title, creation_time, mime_type, hash_sha1,
                    size_bytes, repository_unique_id, home_community_id, content, source_fingerprint,
                    patient_family, patient_given)
                VALUES (?, ?, 'TELMA', ?, ?, ?, ?, 'Ærø Kommune', '1301000016005', '001', '1.2.208.184.100.9',
                    'Klinisk rapport', '53576-5', '2.16.840.1.113883.6.1', 'PHMR', 'urn:ad:dk:medcom:phmr-v2.1:full',
                    '1.2.208.184.100.10', 'PHMR', 'N', 'da-DK', '1', 'f', '2', 'p', 'Hjemmemålinger', now(), 'text/xml',
                    repeat('a', 40), 1, '1.2.3', 'urn:oid:1.2.3', '\\x00', repeat('b', 40), 'Ærøbo', '{Karen,Marie}')
                """).param(uniqueId).param("urn:uuid:" + uniqueId).param(citizen).param(partition).param(status)
                .param(replaces).update();
    }

    /** Stores {@code n} copies of a stored document, named doc-1 to doc-n. */
    void copyDocument(String template, int n) {
        owner.sql("""
                INSERT INTO repository.document SELECT (jsonb_populate_record(d, jsonb_build_object(
                    'unique_id', 'doc-' || g, 'entry_uuid', 'urn:uuid:doc-' || g, 'partition_key', 'doc-' || g))).*
                FROM repository.document d, generate_series(1, ?) g WHERE d.unique_id = ?
                """).param(n).param(template).update();
    }

    /**
     * The plan PostgreSQL runs a claim with, as the role's claims run: in a transaction, through
     * {@link QueueOrder}, and generic (the JDBC driver prepares a repeated statement on the server,
     * and the generic plan does not know the LIMIT). {@code arguments} are the claim's parameters
     * as SQL literals.
     */
    static String claimPlan(HikariDataSource role, String claim, String arguments) {
        JdbcTemplate jdbc = jdbc(role);
        JdbcClient client = JdbcClient.create(jdbc);
        int[] n = {0};
        String numbered = Pattern.compile("\\?").matcher(claim).replaceAll(m -> "\\$" + ++n[0]);
        return new TransactionTemplate(transactions(role)).execute(tx -> {
            jdbc.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            jdbc.execute("PREPARE claim AS " + numbered);
            String plan = QueueOrder.claim(client, () -> String.join("\n",
                    jdbc.queryForList("EXPLAIN EXECUTE claim(" + arguments + ")", String.class)));
            jdbc.execute("DEALLOCATE claim");
            return plan;
        });
    }

    @Override
    public void close() {
        repositoryRole.close();
        ingestRole.close();
        registryRole.close();
    }
}
