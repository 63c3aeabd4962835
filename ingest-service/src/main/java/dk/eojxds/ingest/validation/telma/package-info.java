/** TELMA home measurements (FHIR Observation): plausibility rules and the family's reader. Internal to validation. */
package dk.eojxds.ingest.validation.telma;
