package dk.eojxds.repository.documents.fsiii;

import dk.eojxds.handover.SeriesKey;
import dk.eojxds.model.Code;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DataFamily;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import dk.eojxds.model.fsiii.FsiiiTerminology.Category;
import dk.eojxds.repository.RepositoryProperties;
import dk.eojxds.repository.citizen.CitizenDemographics;
import dk.eojxds.repository.citizen.CitizenDirectory;
import dk.eojxds.repository.documents.DocumentStore;
import dk.eojxds.repository.documents.FamilyDocuments;
import dk.eojxds.repository.documents.InvalidDocumentException;
import dk.eojxds.repository.documents.MetadataFactory;
import dk.eojxds.repository.documents.NewDocument;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * FSIII: one current overview per citizen, replaced on every change. With nothing left to show
 * (everything entered in error), or for a deceased citizen when the policy says so, the overview
 * is withdrawn. Every document passes its checks before it is stored (FsiiiDocumentChecks).
 */
@Component
class FsiiiDocuments implements FamilyDocuments {

    static final String PARTITION = "current";

    private final FsiiiSource source;
    private final FsiiiDocumentBuilder builder;
    private final FsiiiDocumentChecks checks;
    private final MetadataFactory metadata;
    private final RepositoryProperties properties;

    private final FsiiiDocumentScope scope;
    private final CitizenDirectory citizens;

    FsiiiDocuments(FsiiiSource source, FsiiiDocumentBuilder builder, FsiiiDocumentChecks checks,
                   MetadataFactory metadata, RepositoryProperties properties,
                   dk.eojxds.model.fsiii.FsiiiTerminology terminology, CitizenDirectory citizens) {
        this.scope = new FsiiiDocumentScope(terminology);
        this.citizens = citizens;
        this.source = source;
        this.builder = builder;
        this.checks = checks;
        this.metadata = metadata;
        this.properties = properties;
    }

    @Override
    public String family() {
        return "FSIII";
    }

    @Override
    public BuildDecision decide(SeriesKey change, Optional<DocumentStore.CurrentDocument> current) {
        FsiiiSource.FsiiiRecord stored = source.load(change.citizenCpr());
        // only what the repository's data scope allows is shown (the fingerprint follows what is shown)
        List<Resource> shown = scope.shown(stored.resources(), properties.fsiiiRules().scope());
        String scoped = shown.size() == stored.resources().size() ? stored.fingerprint()
                : MetadataFactory.sha1(stored.fingerprint() + "|" + properties.fsiiiRules().scope());
        // name and address come from the CPR register: a change there is a new version too
        CitizenDemographics person = stored.citizen() == null || stored.resources().isEmpty() ? null
                : citizens.lookUp(Cpr.of(change.citizenCpr()));
        FsiiiSource.FsiiiRecord record = new FsiiiSource.FsiiiRecord(stored.citizen(), shown, stored.dataAsOf(),
                person == null ? scoped : MetadataFactory.sha1(scoped + "|" + person.fingerprint()));
        if (source.purgeRequested(change.citizenCpr())) {
            // documents built before an operator's purge may show purged data: withdraw, never replace
            source.purgeHandled(change.citizenCpr());
            String reason = "FSIII data outside the repository's data scope was purged";
            // the new series' id is derived from the withdrawn document, so it never repeats an earlier one
            String after = "after " + current.map(DocumentStore.CurrentDocument::uniqueId).orElse("purge");
            return record.citizen() == null || record.resources().isEmpty() ? new Restart(reason, null)
                    : new Restart(reason, create(change, record, person, null, after));
        }
        if (record.citizen() == null || record.resources().isEmpty()) {
            return new Withdraw("no FSIII data is left for the citizen");
        }
        boolean deceased = record.citizen().hasDeceasedBooleanType() && record.citizen().getDeceasedBooleanType().booleanValue();
        if (deceased && properties.fsiiiRules().deprecateWhenDeceased()) {
            return new Withdraw("the citizen is reported deceased");
        }
        if (current.isPresent() && current.get().sourceFingerprint().equals(record.fingerprint())) {
            return new Unchanged();
        }
        String replaces = current.map(DocumentStore.CurrentDocument::uniqueId).orElse(null);
        return new Store(create(change, record, person, replaces, replaces));
    }

    private NewDocument create(SeriesKey change, FsiiiSource.FsiiiRecord record, CitizenDemographics person,
                               String replaces, String derivedFrom) {
        Cpr citizen = Cpr.of(change.citizenCpr());
        String sor = record.citizen().getManagingOrganization().getIdentifier().getValue();
        Organisation author = new Organisation(properties.fsiiiRules().organisationNames()
                .getOrDefault(sor, "Kommunal organisation (SOR " + sor + ")"), SorCode.of(sor));
        String uniqueId = MetadataFactory.uniqueId(DataFamily.FSIII, citizen, PARTITION, record.fingerprint(), derivedFrom);
        Bundle document = builder.build(record.citizen(), person, record.resources(), author, record.dataAsOf(), uniqueId);
        List<String> errors = checks.problems(document);
        if (!errors.isEmpty()) {
            throw new InvalidDocumentException("the FSIII document fails its checks: " + String.join("; ", errors));
        }
        byte[] content = builder.encode(document);
        // a healthcare-only overview is home nursing by definition (sundhedsloven § 138)
        boolean nursing = properties.fsiiiRules().scope() == dk.eojxds.model.fsiii.FsiiiScope.HEALTHCARE
                || builder.dominantCare(record.resources()) == Category.NURSING_CONDITION;
        Code facility = nursing ? DkXdsCodes.FACILITY_HOME_NURSING : DkXdsCodes.FACILITY_HOME_CARE;
        Code practice = nursing ? DkXdsCodes.PRACTICE_HOME_NURSING : DkXdsCodes.PRACTICE_HOME_CARE;
        Instant[] period = FsiiiDocumentBuilder.period(record.resources(), record.dataAsOf());
        return new NewDocument(metadata.create(new MetadataFactory.Facts(uniqueId, DataFamily.FSIII, person, author,
                DkXdsCodes.TYPE_FSIII_OVERVIEW, properties.fsiii(), facility, practice, List.of(), FsiiiDocumentBuilder.TITLE,
                record.dataAsOf(), period[0], period[1], "application/fhir+json", replaces), content),
                PARTITION, record.fingerprint(), content);
    }
}
