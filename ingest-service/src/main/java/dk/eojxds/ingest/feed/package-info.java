/**
 * The feeds: every way data comes in (the gateway feeds polled per family, FSIII push, the
 * initial load's channels) and the gateway settings they are made from
 * ({@code eojxds.fkg.*}, {@link dk.eojxds.ingest.feed.GatewayProperties}). Depends on nothing else
 * in the service; everything else names its feed from here.
 */
@ApplicationModule(displayName = "Feeds", allowedDependencies = {})
package dk.eojxds.ingest.feed;

import org.springframework.modulith.ApplicationModule;
