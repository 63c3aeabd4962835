/**
 * The gateway over HTTP: requests with the OAuth access token and the allowed origins, paging
 * through a search by its links, and splitting a page into raw entries without changing a
 * character of them ({@link dk.eojxds.ingest.gateway.PageSplitter}, also used for pushed
 * deliveries). Knows nothing of validation or storage.
 */
@ApplicationModule(displayName = "Gateway", allowedDependencies = "feed")
package dk.eojxds.ingest.gateway;

import org.springframework.modulith.ApplicationModule;
