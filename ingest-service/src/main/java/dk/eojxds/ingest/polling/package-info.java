/**
 * Polling the gateway: full polls from each feed's cursor, tail polls between them, the
 * reconciliation sweep for late commits, reading around unreadable pages, the feed leases that
 * let one instance poll a feed at a time, commit lag, and the feeds' health.
 */
@ApplicationModule(displayName = "Polling", allowedDependencies = {"feed", "gateway", "validation", "store"})
package dk.eojxds.ingest.polling;

import org.springframework.modulith.ApplicationModule;
