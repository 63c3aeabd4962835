package dk.eojxds.ingest.validation.fsiii;

import dk.eojxds.model.fsiii.FsiiiScope;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * FSIII input (prefix {@code eojxds.fsiii}).
 *
 * @param scope                the data scope of every FSIII feed (pulled, pushed, initial load)
 *                             not named in {@code feedScopes}: {@code healthcare} by default
 * @param feedScopes           a scope per feed name ({@code fsiii}, {@code fsiii-push},
 *                             {@code initial-load-fsiii}), overriding {@code scope}
 * @param legalBasis           the legal basis for holding care data; required as soon as one feed
 *                             has the {@code care} scope (else binding fails and the service does
 *                             not start), shown in {@code /actuator/info}
 * @param codeSystem           KL's FSIII CodeSystem (FHIR JSON) the codes are checked against
 * @param builtInTerminology   development only: without {@code codeSystem}, check codes against the
 *                             built-in extract instead of refusing to start
 */
@Validated
@ConfigurationProperties("eojxds.fsiii")
public record FsiiiProperties(FsiiiScope scope, Map<String, FsiiiScope> feedScopes, String legalBasis,
                              String codeSystem, boolean builtInTerminology) {

    public FsiiiProperties {
        scope = scope == null ? FsiiiScope.HEALTHCARE : scope;
        feedScopes = feedScopes == null ? Map.of() : Map.copyOf(feedScopes);
        legalBasis = legalBasis == null || legalBasis.isBlank() ? null : legalBasis.strip();
        codeSystem = codeSystem == null || codeSystem.isBlank() ? null : codeSystem.strip();
        if (legalBasis == null && (scope == FsiiiScope.CARE || feedScopes.containsValue(FsiiiScope.CARE))) {
            throw new IllegalStateException("an FSIII feed has the care scope (home care under serviceloven) but "
                    + "eojxds.fsiii.legal-basis names no legal basis for holding care data");
        }
    }

    public FsiiiScope scopeOf(String feed) {
        return feedScopes.getOrDefault(feed, scope);
    }

}
