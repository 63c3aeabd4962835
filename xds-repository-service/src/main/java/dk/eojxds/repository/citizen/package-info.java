/**
 * Citizens' demographics for the documents' headers from NSP's CPR lookup ("Det Gode CPR-opslag"
 * 1.0.4), cached and with a short memory of failure.
 */
@ApplicationModule(displayName = "Citizen lookup", allowedDependencies = {})
package dk.eojxds.repository.citizen;

import org.springframework.modulith.ApplicationModule;
