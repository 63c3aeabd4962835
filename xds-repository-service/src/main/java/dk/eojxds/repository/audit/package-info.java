/**
 * The append-only audit trail of every retrieve (who, for which citizen, what was answered), from
 * which the statistics are rolled up; written by ITI-43 and by the DGWS gate when it refuses.
 */
@ApplicationModule(displayName = "Audit trail", allowedDependencies = {})
package dk.eojxds.repository.audit;

import org.springframework.modulith.ApplicationModule;
