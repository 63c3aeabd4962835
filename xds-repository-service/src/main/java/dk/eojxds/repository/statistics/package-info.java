/**
 * The programme's usage statistics rolled up from the audit trail, as JSON or CSV.
 */
@ApplicationModule(displayName = "Statistics", allowedDependencies = {})
package dk.eojxds.repository.statistics;

import org.springframework.modulith.ApplicationModule;
