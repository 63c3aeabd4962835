/**
 * Parsing shared by the families' readers: strict structural parsing before HAPI sees a resource,
 * JSON type checks, logical references, timing and version rules. Internal to validation.
 */
package dk.eojxds.ingest.validation.support;
