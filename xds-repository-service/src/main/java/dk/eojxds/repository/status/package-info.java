/**
 * The operators' status page: per municipality, the pipeline and the programme's figures against
 * their targets, with the build failures and silent municipalities.
 */
@ApplicationModule(displayName = "Status page", allowedDependencies = {"audit", "documents", "publishing", "reference", "statistics"})
package dk.eojxds.repository.status;

import org.springframework.modulith.ApplicationModule;
