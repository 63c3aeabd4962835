package dk.eojxds.repository.build;

/** A change row of {@code ingest.change}, locked by this transaction until it commits. */
record ClaimedChange(String family, String citizenCpr, String partitionKey, long revision) {
}
