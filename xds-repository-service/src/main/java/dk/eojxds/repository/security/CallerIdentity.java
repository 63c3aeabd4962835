package dk.eojxds.repository.security;

/**
 * Who retrieves, from the verified ID card (system and organisation, and the user's role when the
 * card is a user card) and from the HSUID header DDS forwards for the end user.
 */
public record CallerIdentity(
        boolean verified,
        String itSystem,
        String organisationId,
        String organisationName,
        String cardType,
        String userRole,
        String userOrganisationSor,
        String userType,
        int level) {

    /** Security mode none: nobody was checked. */
    public static CallerIdentity unverified() {
        return new CallerIdentity(false, null, null, null, null, null, null, null, 0);
    }
}
