package dk.eojxds.handover;

import com.zaxxer.hikari.HikariDataSource;
import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.Migrations;
import dk.eojxds.testsupport.PostgresServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

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

    @Override
    public void close() {
        repositoryRole.close();
        ingestRole.close();
        registryRole.close();
    }
}
