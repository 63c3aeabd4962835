/**
 * The Danish CDA profiles' rules (PHMR-DK, QRD-DK) run over a built document before it is stored.
 */
@ApplicationModule(displayName = "Conformance", allowedDependencies = {})
package dk.eojxds.repository.conformance;

import org.springframework.modulith.ApplicationModule;
