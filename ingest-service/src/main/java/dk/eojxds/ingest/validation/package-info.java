/**
 * Validation: a raw entry becomes an accepted resource, a quarantined one with its reasons, or
 * resources withheld by the FSIII data scope. {@link dk.eojxds.ingest.validation.PageReader} reads
 * a page entry by entry with the family's reader; the families' rules live below it
 * ({@code telma}, {@code kpro}, {@code fsiii}), with the shared strict parsing in {@code support}.
 * The FSIII reader and its scope settings are also a named interface ({@code validation :: fsiii})
 * for the push channel and the scope purge.
 */
@ApplicationModule(displayName = "Validation", allowedDependencies = {"feed", "gateway"})
package dk.eojxds.ingest.validation;

import org.springframework.modulith.ApplicationModule;
