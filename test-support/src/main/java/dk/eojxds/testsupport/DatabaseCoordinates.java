package dk.eojxds.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Where a database is and how to log in to it. */
public record DatabaseCoordinates(String url, String user, String password) {

    /** The services' runtime roles (least privilege; their grants are in each schema's migrations). */
    public static final List<String> RUNTIME_ROLES = List.of("eojxds_ingest", "eojxds_repository", "eojxds_registry");

    /**
     * A service's database settings as command-line arguments: migrations as this (owner) login,
     * and the service itself as {@code runtimeRole}, or as this login too when the role is null.
     */
    public List<String> serviceArgs(String runtimeRole) {
        return List.of("--eojxds.db.url=" + url, "--eojxds.db.user=" + (runtimeRole == null ? user : runtimeRole),
                "--eojxds.db.password=" + password, "--eojxds.db.migration-user=" + user,
                "--eojxds.db.migration-password=" + password);
    }

    /** The same server and database, logged in as another role with the same password. */
    public DatabaseCoordinates as(String role) {
        return new DatabaseCoordinates(url, role, password);
    }

    /**
     * Makes the runtime roles exist as login roles (with this login's password), as an operator's
     * database script would; roles are per server, so this is done once for every database on it.
     */
    public void ensureRuntimeRoles() {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            for (String role : RUNTIME_ROLES) {
                String login = "LOGIN" + (password == null || password.isEmpty() ? "" : " PASSWORD '"
                        + password.replace("'", "''") + "'");
                statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                        + "') THEN CREATE ROLE " + role + " " + login + "; ELSE ALTER ROLE " + role + " " + login
                        + "; END IF; END $$");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the runtime roles at " + url, e);
        }
    }
}
