/** The FSIII data scope applied to what is already stored: the purge of what a narrower scope withholds, and its operators' controller. */
@ApplicationModule(displayName = "FSIII scope", allowedDependencies = {"feed", "validation", "validation :: fsiii", "store"})
package dk.eojxds.ingest.scope;

import org.springframework.modulith.ApplicationModule;
