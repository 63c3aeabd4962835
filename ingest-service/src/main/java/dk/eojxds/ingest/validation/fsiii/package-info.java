/**
 * FSIII care-incremental deliveries: the report's rules, its resources' rules against KL's
 * terminology, and the healthcare-only data scope that withholds what is outside it. Named
 * interface {@code fsiii} of the validation module: push reads reports here, the scope purge
 * applies the same scope to what is stored.
 */
@NamedInterface("fsiii")
package dk.eojxds.ingest.validation.fsiii;

import org.springframework.modulith.NamedInterface;
