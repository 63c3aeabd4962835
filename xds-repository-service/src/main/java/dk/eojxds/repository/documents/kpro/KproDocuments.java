package dk.eojxds.repository.documents.kpro;

import dk.eojxds.handover.SeriesKey;
import dk.eojxds.model.Code;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DataFamily;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import dk.eojxds.repository.RepositoryProperties;
import dk.eojxds.repository.citizen.CitizenDemographics;
import dk.eojxds.repository.citizen.CitizenDirectory;
import dk.eojxds.repository.documents.DocumentStore;
import dk.eojxds.repository.documents.FamilyDocuments;
import dk.eojxds.repository.documents.MetadataFactory;
import dk.eojxds.repository.documents.NewDocument;
import dk.eojxds.repository.documents.WaitingForReferenceData;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.stereotype.Component;

/**
 * K-PRO: one QRD-DK document per questionnaire response. An amended response replaces the
 * document; a response entered in error withdraws it; a response to a questionnaire K-PRO's
 * catalogue does not list waits ({@link WaitingForReferenceData}) instead of becoming a document
 * with a wrong form reference.
 */
@Component
class KproDocuments implements FamilyDocuments {

    /** PRO-sekretariatet's code system of questionnaires, for the registry's eventCodeList. */
    static final String PRO_QUESTIONNAIRES = "1.2.208.176.7.3.1";

    private final KproSource source;
    private final QrdDocumentBuilder builder = new QrdDocumentBuilder();
    private final MetadataFactory metadata;
    private final RepositoryProperties properties;
    private final CitizenDirectory citizens;

    KproDocuments(KproSource source, MetadataFactory metadata, RepositoryProperties properties,
                  CitizenDirectory citizens) {
        this.source = source;
        this.metadata = metadata;
        this.properties = properties;
        this.citizens = citizens;
    }

    @Override
    public String family() {
        return "KPRO";
    }

    @Override
    public BuildDecision decide(SeriesKey change, Optional<DocumentStore.CurrentDocument> current) {
        Optional<KproSource.StoredResponse> stored = source.load(change.citizenCpr(), change.partitionKey());
        if (stored.isEmpty() || stored.get().response().getStatus()
                == QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR) {
            return new Withdraw("the questionnaire response was entered in error");
        }
        RepositoryProperties.Questionnaire questionnaire = questionnaire(stored.get().response());
        CitizenDemographics citizen = citizens.lookUp(Cpr.of(change.citizenCpr()));
        String fingerprint = MetadataFactory.sha1(stored.get().rawJson() + "|" + questionnaire + "|"
                + citizen.fingerprint());
        if (current.isPresent() && current.get().sourceFingerprint().equals(fingerprint)) {
            return new Unchanged();
        }
        return new Store(create(change, stored.get(), questionnaire, citizen, fingerprint,
                current.map(DocumentStore.CurrentDocument::uniqueId).orElse(null)));
    }

    RepositoryProperties.Questionnaire questionnaire(QuestionnaireResponse response) {
        String canonical = response.getQuestionnaire();
        return properties.questionnaires().stream().filter(q -> q.canonical().equals(canonical)).findFirst()
                .orElseThrow(() -> new WaitingForReferenceData("questionnaire " + canonical
                        + " is not in K-PRO's catalogue (eojxds.repository.questionnaires)"));
    }

    NewDocument create(SeriesKey change, KproSource.StoredResponse stored,
                       RepositoryProperties.Questionnaire questionnaire, CitizenDemographics citizen, String fingerprint,
                       String replaces) {
        QuestionnaireResponse response = stored.response();
        Cpr cpr = Cpr.of(change.citizenCpr());
        Organisation author = new Organisation(response.getAuthor().getDisplay(),
                SorCode.of(response.getAuthor().getIdentifier().getValue()));
        Instant dataAsOf = response.getMeta().getLastUpdated().toInstant();
        Instant authored = response.getAuthored().toInstant();
        String uniqueId = MetadataFactory.uniqueId(DataFamily.KPRO, cpr, change.partitionKey(), fingerprint, replaces);
        byte[] content = builder.build(response, questionnaire, citizen, author,
                dataAsOf, uniqueId);
        List<Code> eventCodes = questionnaire.eventCode() == null || questionnaire.eventCode().isBlank() ? List.of()
                : List.of(new Code(questionnaire.eventCode(), PRO_QUESTIONNAIRES, questionnaire.title()));
        return new NewDocument(metadata.create(new MetadataFactory.Facts(uniqueId, DataFamily.KPRO, citizen, author,
                DkXdsCodes.TYPE_QRD, properties.kpro(), null, null, eventCodes,
                questionnaire.title(), dataAsOf, authored, authored, "text/xml",
                replaces), content), change.partitionKey(), fingerprint, content);
    }
}
