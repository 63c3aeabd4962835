package dk.eojxds.dgws;

/**
 * Who retrieves, from the verified ID card (system and organisation, and the user when the card is
 * a user card: role, CPR number, name, authorisation code) and from the HSUID header DDS forwards
 * for the end user. The HSUID header
 * is not signed: its values are what the verified caller asserts, and {@code userSource} says so.
 *
 * @param userSource {@code ID_CARD} when the user attributes come from the signed card only,
 *                   {@code HSUID} when any of them comes from the unsigned HSUID header, null
 *                   when there is no end user
 * @param userCpr    a user card's {@code medcom:UserCivilRegistrationNumber} (for the audit trail
 *                   only; never logged)
 * @param userName   a user card's given name and surname
 * @param userAuthorisationCode a user card's {@code medcom:UserAuthorizationCode} (the health
 *                   professional's authorisation)
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
        int level,
        String userCpr,
        String userName,
        String userAuthorisationCode) {

    /** Security mode none: nobody was checked. */
    public static CallerIdentity unverified() {
        return new CallerIdentity(false, null, null, null, null, null, null, null, null, 0, null, null, null);
    }
}
