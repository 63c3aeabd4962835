package dk.eojxds.repository.documents.telma;

import dk.eojxds.handover.SeriesKey;
import dk.eojxds.model.Cpr;
import dk.eojxds.repository.citizen.CitizenDemographics;
import dk.eojxds.repository.citizen.CitizenDirectory;
import dk.eojxds.repository.documents.DocumentStore;
import dk.eojxds.repository.documents.FamilyDocuments;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** TELMA: a citizen's measurements of one day; a day whose measurements were all withdrawn is withdrawn. */
@Component
class TelmaDocuments implements FamilyDocuments {

    private final TelmaSource source;
    private final TelmaDocumentFactory factory;
    private final CitizenDirectory citizens;

    TelmaDocuments(TelmaSource source, TelmaDocumentFactory factory, CitizenDirectory citizens) {
        this.source = source;
        this.factory = factory;
        this.citizens = citizens;
    }

    @Override
    public String family() {
        return "TELMA";
    }

    @Override
    public BuildDecision decide(SeriesKey change, Optional<DocumentStore.CurrentDocument> current) {
        Cpr cpr = Cpr.of(change.citizenCpr());
        Optional<MeasurementDay> day = source.load(cpr, LocalDate.parse(change.partitionKey()));
        if (day.isEmpty()) {
            return new Withdraw("every measurement of the day was entered in error");
        }
        CitizenDemographics citizen = citizens.lookUp(cpr);
        String fingerprint = TelmaDocumentFactory.fingerprint(day.get(), citizen);
        if (current.isPresent() && current.get().sourceFingerprint().equals(fingerprint)) {
            return new Unchanged();
        }
        return new Store(factory.create(day.get(), citizen, fingerprint,
                current.map(DocumentStore.CurrentDocument::uniqueId).orElse(null)));
    }
}
