package dk.eojxds.repository;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the FSIII terminology comes from (prefix {@code eojxds.fsiii}, shared with ingest-service,
 * whose record holds the data scope too).
 *
 * @param codeSystem         KL's full FSIII CodeSystem (FHIR JSON); required unless the switch below
 * @param builtInTerminology development only: the built-in extract instead
 */
@ConfigurationProperties("eojxds.fsiii")
record FsiiiTerminologyProperties(String codeSystem, boolean builtInTerminology) {
}
