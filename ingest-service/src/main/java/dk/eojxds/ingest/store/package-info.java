/**
 * The ingest schema's writes: resources (idempotent, version-aware), the change rows handed to
 * the repository, quarantine, withheld resources and cursors; {@link dk.eojxds.ingest.store.PageIngestor}
 * commits a polled page as one transaction.
 */
@ApplicationModule(displayName = "Store", allowedDependencies = {"feed", "validation"})
package dk.eojxds.ingest.store;

import org.springframework.modulith.ApplicationModule;
