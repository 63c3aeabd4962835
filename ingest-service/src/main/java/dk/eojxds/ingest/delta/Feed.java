package dk.eojxds.ingest.delta;

import dk.eojxds.model.DataFamily;

/** One stream of resources pulled from the gateway, with its own cursor. */
record Feed(String name, DataFamily family, String resourceType) {

    static final Feed TELMA_OBSERVATIONS = new Feed("telma-observations", DataFamily.TELMA, "Observation");
}
