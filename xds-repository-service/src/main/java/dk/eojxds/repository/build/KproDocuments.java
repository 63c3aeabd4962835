package dk.eojxds.repository.build;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.DataFamily;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import dk.eojxds.repository.RepositoryProperties;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.stereotype.Component;

/**
 * K-PRO: one QRD-DK document per questionnaire response. An amended response replaces the
 * document; a response entered in error withdraws it.
 */
@Component
class KproDocuments implements FamilyDocuments {

    private final KproSource source;
    private final QrdDocumentBuilder builder;
    private final MetadataFactory metadata;
    private final RepositoryProperties properties;

    KproDocuments(KproSource source, QrdDocumentBuilder builder, MetadataFactory metadata,
                  RepositoryProperties properties) {
        this.source = source;
        this.builder = builder;
        this.metadata = metadata;
        this.properties = properties;
    }

    @Override
    public String family() {
        return "KPRO";
    }

    @Override
    public BuildDecision decide(ClaimedChange change, Optional<DocumentStore.CurrentDocument> current) {
        Optional<KproSource.StoredResponse> stored = source.load(change.citizenCpr(), change.partitionKey());
        if (stored.isEmpty() || stored.get().response().getStatus()
                == QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR) {
            return new Withdraw("the questionnaire response was entered in error");
        }
        String fingerprint = MetadataFactory.sha1(stored.get().rawJson());
        if (current.isPresent() && current.get().sourceFingerprint().equals(fingerprint)) {
            return new Unchanged();
        }
        return new Store(create(change, stored.get(), fingerprint,
                current.map(DocumentStore.CurrentDocument::uniqueId).orElse(null)));
    }

    NewDocument create(ClaimedChange change, KproSource.StoredResponse stored, String fingerprint, String replaces) {
        QuestionnaireResponse response = stored.response();
        Cpr citizen = Cpr.of(change.citizenCpr());
        Organisation author = new Organisation(response.getAuthor().getDisplay(),
                SorCode.of(response.getAuthor().getIdentifier().getValue()));
        Instant dataAsOf = response.getMeta().getLastUpdated().toInstant();
        Instant authored = response.getAuthored().toInstant();
        String uniqueId = MetadataFactory.uniqueId(DataFamily.KPRO, citizen, change.partitionKey(), fingerprint, replaces);
        byte[] content = builder.build(response, citizen, author, dataAsOf, uniqueId);
        return new NewDocument(metadata.create(new MetadataFactory.Facts(uniqueId, DataFamily.KPRO, citizen, author,
                DkXdsCodes.TYPE_QRD, properties.kpro(), null, null, List.of(), QrdDocumentBuilder.title(response),
                dataAsOf, authored, authored, "text/xml", replaces), content), change.partitionKey(), fingerprint, content);
    }
}
