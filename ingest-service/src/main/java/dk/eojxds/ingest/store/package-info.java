/**
 * The ingest schema's writes, through one door: every way data comes in collects what it read in a
 * {@link dk.eojxds.ingest.store.Batch} and {@link dk.eojxds.ingest.store.IngestCommit} writes it in one
 * transaction and counts it. Behind it one writer per table (resources with the change rows handed to
 * the repository, quarantine, withheld) and {@link dk.eojxds.ingest.store.FeedCursors}, whose reads
 * (cursors, gaps) the polls use directly.
 */
@ApplicationModule(displayName = "Store", allowedDependencies = {"feed", "validation"})
package dk.eojxds.ingest.store;

import org.springframework.modulith.ApplicationModule;
