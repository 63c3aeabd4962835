/**
 * ITI-43 Retrieve Document Set: our own SOAP 1.2/MTOM servlet, the request reader and response
 * writer, the stored documents it answers with, and ATNA audit messages.
 */
@ApplicationModule(displayName = "ITI-43 retrieve", allowedDependencies = {"audit", "security"})
package dk.eojxds.repository.retrieve;

import org.springframework.modulith.ApplicationModule;
