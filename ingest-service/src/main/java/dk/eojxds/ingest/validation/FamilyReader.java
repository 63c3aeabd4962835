package dk.eojxds.ingest.validation;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.gateway.GatewayPage;
import dk.eojxds.model.DataFamily;

/** Validates one raw resource of a family's feed and turns it into what is stored. */
public interface FamilyReader {

    DataFamily family();

    EntryOutcome read(Feed feed, GatewayPage.RawEntry entry);
}
