/** The initial load: NDJSON files read in bulk, validated as the feeds are, stored as held (backlog) priority. */
@ApplicationModule(displayName = "Initial load", allowedDependencies = {"feed", "gateway", "validation", "store"})
package dk.eojxds.ingest.load;

import org.springframework.modulith.ApplicationModule;
