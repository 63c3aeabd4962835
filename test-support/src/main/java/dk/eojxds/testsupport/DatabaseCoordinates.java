package dk.eojxds.testsupport;

/** Where a database is and how to log in to it. */
public record DatabaseCoordinates(String url, String user, String password) {
}
