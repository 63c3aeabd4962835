package dk.eojxds.ingest.validation.kpro;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.gateway.GatewayPage;
import dk.eojxds.ingest.validation.EntryOutcome;
import dk.eojxds.ingest.validation.FamilyReader;
import dk.eojxds.ingest.validation.IngestedResource;
import dk.eojxds.ingest.validation.support.StructuralParser;
import dk.eojxds.ingest.validation.support.Versions;
import dk.eojxds.model.DataFamily;
import dk.eojxds.model.SorCode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.stereotype.Component;

/** K-PRO questionnaire responses: one document per response, so the response id is the partition. */
@Component
public class KproReader implements FamilyReader {

    private final StructuralParser parser;

    public KproReader(StructuralParser parser) {
        this.parser = parser;
    }

    @Override
    public DataFamily family() {
        return DataFamily.KPRO;
    }

    @Override
    public EntryOutcome read(Feed feed, GatewayPage.RawEntry entry) {
        if (!"QuestionnaireResponse".equals(entry.resourceType())) {
            return EntryOutcome.reject(entry.resourceType(), entry.id(),
                    List.of("resource-type: feed " + feed.name() + " carries only QuestionnaireResponse, not "
                            + entry.resourceType()), entry.json());
        }
        StructuralParser.Parsed<QuestionnaireResponse> parsed = parser.parse(entry.json(), QuestionnaireResponse.class);
        List<String> reasons = new ArrayList<>(parsed.problems());
        if (parsed.resource() != null) {
            reasons.addAll(KproResponseRules.violations(parsed.resource()));
        }
        if (!reasons.isEmpty()) {
            return EntryOutcome.reject("QuestionnaireResponse", entry.id(), reasons, entry.json(), parsed.resource() == null
                    ? null : KproResponseRules.organisationSor(parsed.resource()).map(SorCode::value).orElse(null));
        }
        QuestionnaireResponse response = parsed.resource();
        String id = response.getIdElement().getIdPart();
        return EntryOutcome.accept(new IngestedResource("QuestionnaireResponse", id, DataFamily.KPRO,
                KproResponseRules.citizen(response).orElseThrow(), id, Versions.of(response.getMeta().getVersionId()),
                response.getMeta().getLastUpdated().toInstant(), response.getStatus().toCode(), entry.json(),
                KproResponseRules.organisationSor(response).map(SorCode::value).orElse(null)));
    }
}
