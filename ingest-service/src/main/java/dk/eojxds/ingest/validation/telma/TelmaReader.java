package dk.eojxds.ingest.validation.telma;

import dk.eojxds.ingest.feed.Feed;
import dk.eojxds.ingest.gateway.GatewayPage;
import dk.eojxds.ingest.validation.EntryOutcome;
import dk.eojxds.ingest.validation.FamilyReader;
import dk.eojxds.ingest.validation.IngestedResource;
import dk.eojxds.ingest.validation.support.StructuralParser;
import dk.eojxds.ingest.validation.support.Versions;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DataFamily;
import dk.eojxds.model.SorCode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/** TELMA home measurements: one Observation per entry, grouped per citizen and Danish day. */
@Component
public class TelmaReader implements FamilyReader {

    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private final StructuralParser parser;

    public TelmaReader(StructuralParser parser) {
        this.parser = parser;
    }

    @Override
    public DataFamily family() {
        return DataFamily.TELMA;
    }

    @Override
    public EntryOutcome read(Feed feed, GatewayPage.RawEntry entry) {
        if (!"Observation".equals(entry.resourceType())) {
            return EntryOutcome.reject(entry.resourceType(), entry.id(),
                    List.of("resource-type: feed " + feed.name() + " carries only Observation, not "
                            + entry.resourceType()), entry.json());
        }
        StructuralParser.Parsed<Observation> parsed = parser.parse(entry.json(), Observation.class);
        List<String> reasons = new ArrayList<>(parsed.problems());
        if (parsed.resource() != null) {
            reasons.addAll(TelmaObservationRules.violations(parsed.resource()));
        }
        if (!reasons.isEmpty()) {
            return EntryOutcome.reject("Observation", entry.id(), reasons, entry.json(), parsed.resource() == null ? null
                    : TelmaObservationRules.organisationSor(parsed.resource()).map(SorCode::value).orElse(null));
        }
        Observation observation = parsed.resource();
        Cpr citizen = TelmaObservationRules.citizen(observation).orElseThrow();
        String day = observation.getEffectiveDateTimeType().getValue().toInstant()
                .atZone(DANISH_TIME).toLocalDate().toString();
        return EntryOutcome.accept(new IngestedResource("Observation", observation.getIdElement().getIdPart(),
                DataFamily.TELMA, citizen, day, Versions.of(observation.getMeta().getVersionId()),
                observation.getMeta().getLastUpdated().toInstant(), observation.getStatus().toCode(), entry.json(),
                TelmaObservationRules.organisationSor(observation).map(SorCode::value).orElse(null)));
    }
}
