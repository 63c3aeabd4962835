/** FSIII deliveries pushed by the gateway ({@code /fhir/push/care-incremental-delivery}): read, stored, answered. */
@ApplicationModule(displayName = "Push", allowedDependencies = {"feed", "gateway", "validation", "validation :: fsiii", "store"})
package dk.eojxds.ingest.push;

import org.springframework.modulith.ApplicationModule;
