/** The operators' quarantine: list, re-process after a fix (through the same validation and store), discard with a reason. */
@ApplicationModule(displayName = "Quarantine", allowedDependencies = {"feed", "gateway", "validation", "store"})
package dk.eojxds.ingest.quarantine;

import org.springframework.modulith.ApplicationModule;
