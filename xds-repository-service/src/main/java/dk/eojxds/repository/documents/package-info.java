/**
 * Building documents from the hand-over queue: the build job, the store, the CDA header and
 * checks, the XDS metadata and build failures; one package per family below it ({@code telma}
 * PHMR-DK, {@code kpro} QRD-DK, {@code fsiii} the FSIII overview), internal to this module.
 */
@ApplicationModule(displayName = "Documents", allowedDependencies = {"citizen", "conformance", "publishing"})
package dk.eojxds.repository.documents;

import org.springframework.modulith.ApplicationModule;
