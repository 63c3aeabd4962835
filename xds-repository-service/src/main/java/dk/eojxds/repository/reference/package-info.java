/**
 * Reference data operators load: the municipalities and the SOR units (CSV uploads under
 * {@code /admin/reference/*}), read by the status page and the statistics.
 */
@ApplicationModule(displayName = "Reference data", allowedDependencies = {})
package dk.eojxds.repository.reference;

import org.springframework.modulith.ApplicationModule;
