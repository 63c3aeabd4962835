package dk.eojxds.ingest.delta;

import dk.eojxds.model.DataFamily;

/** Validates one raw resource of a family's feed and turns it into what is stored. */
interface FamilyReader {

    DataFamily family();

    EntryOutcome read(Feed feed, GatewayPage.RawEntry entry);
}
