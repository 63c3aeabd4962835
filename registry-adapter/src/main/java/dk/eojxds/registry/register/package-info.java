/**
 * Registration at DDS: ITI-42 for built documents ({@link dk.eojxds.registry.register.SubmissionFactory}),
 * ITI-57 deprecation of withdrawn ones ({@link dk.eojxds.registry.register.DeprecationFactory}), both
 * from the hand-over module's outboxes with the same claim, retry and park rules; ITI-18 to follow a
 * series the registry knows better; the reconciliation after a restore; the operators' endpoints for
 * parked work. Camel and IPF stay in {@code CamelRegistryClient} behind the plain {@code RegistryClient}.
 */
@ApplicationModule(displayName = "Registration", allowedDependencies = {"dgws"})
package dk.eojxds.registry.register;

import org.springframework.modulith.ApplicationModule;
