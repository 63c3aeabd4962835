/**
 * This system's own DGWS ID card on outgoing registry calls: the settings of the STS and the
 * organisation credential, and the CXF interceptor that adds the card's headers.
 */
@ApplicationModule(displayName = "Outbound DGWS", allowedDependencies = {})
package dk.eojxds.registry.dgws;

import org.springframework.modulith.ApplicationModule;
