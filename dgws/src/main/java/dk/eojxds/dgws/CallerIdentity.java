package dk.eojxds.dgws;

/**
 * Who retrieves, from the verified ID card (system and organisation, and the user's role when the
 * card is a user card) and from the HSUID header DDS forwards for the end user. The HSUID header
 * is not signed: its values are what the verified caller asserts, and {@code userSource} says so.
 *
 * @param userSource {@code ID_CARD} when the user attributes come from the signed card only,
 *                   {@code HSUID} when any of them comes from the unsigned HSUID header, null
 *                   when there is no end user
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
        String userSource,
        int level) {

    /** Security mode none: nobody was checked. */
    public static CallerIdentity unverified() {
        return new CallerIdentity(false, null, null, null, null, null, null, null, null, 0);
    }
}
