/**
 * Who may retrieve: the DGWS ID card (and DDS's HSUID header) checked on every ITI-43 request,
 * refusals recorded in the audit trail.
 */
@ApplicationModule(displayName = "DGWS gate", allowedDependencies = {"audit"})
package dk.eojxds.repository.security;

import org.springframework.modulith.ApplicationModule;
