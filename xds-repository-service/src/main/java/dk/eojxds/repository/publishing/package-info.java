/**
 * Publishing per municipality and family, decided by operators: the state (pending, live,
 * paused, withdrawn) and its history, the gate the document store asks before anything goes to
 * the registry, what each change of state does there (register the held backlog, hold the queues,
 * deprecate with ITI-57), the operator API under {@code /admin/publishing} and the metrics.
 */
@ApplicationModule(displayName = "Publishing", allowedDependencies = {"reference"})
package dk.eojxds.repository.publishing;

import org.springframework.modulith.ApplicationModule;
