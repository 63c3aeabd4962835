package dk.eojxds.repository.citizen;

import dk.eojxds.model.Cpr;

/**
 * The port to the national CPR lookup: a citizen's name, address and protection status. The
 * gateway sends the CPR number only, and the Danish CDA headers need the rest.
 */
public interface CitizenDirectory {

    /**
     * @throws CitizenLookupUnavailable when the lookup cannot answer now (the document then waits)
     * @throws UnknownCitizenException when CPR does not know the number
     */
    CitizenDemographics lookUp(Cpr cpr);

    /**
     * Asks about several citizens at once, ahead of their documents, so that a batch waits for
     * the slowest answer instead of the sum of them. Failures are left for {@link #lookUp} to meet.
     */
    default void prefetch(java.util.Collection<Cpr> citizens) {
    }
}
