package dk.eojxds.repository.build;

import dk.eojxds.model.Cpr;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** TELMA: a citizen's measurements of one day; a day whose measurements were all withdrawn is withdrawn. */
@Component
class TelmaDocuments implements FamilyDocuments {

    private final TelmaSource source;
    private final TelmaDocumentFactory factory;

    TelmaDocuments(TelmaSource source, TelmaDocumentFactory factory) {
        this.source = source;
        this.factory = factory;
    }

    @Override
    public String family() {
        return "TELMA";
    }

    @Override
    public BuildDecision decide(ClaimedChange change, Optional<DocumentStore.CurrentDocument> current) {
        Optional<MeasurementDay> day = source.load(Cpr.of(change.citizenCpr()), LocalDate.parse(change.partitionKey()));
        if (day.isEmpty()) {
            return new Withdraw("every measurement of the day was entered in error");
        }
        String fingerprint = TelmaDocumentFactory.fingerprint(day.get());
        if (current.isPresent() && current.get().sourceFingerprint().equals(fingerprint)) {
            return new Unchanged();
        }
        return new Store(factory.create(day.get(), fingerprint,
                current.map(DocumentStore.CurrentDocument::uniqueId).orElse(null)));
    }
}
