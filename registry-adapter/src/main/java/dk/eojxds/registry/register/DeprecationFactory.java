package dk.eojxds.registry.register;

import dk.eojxds.handover.DeprecationOutbox;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DeterministicIds;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Author;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.SubmissionSet;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Timestamp;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.springframework.stereotype.Component;

/**
 * Turns a withdrawn document into an ITI-57 Update Document Set: a SubmissionSet and one
 * UpdateAvailabilityStatus association (Approved to Deprecated) on the document's entryUUID; the
 * ITI-57 counterpart of ITI-42's {@link SubmissionFactory}. Ids derive from the document's
 * uniqueId, so a re-sent deprecation is the same request.
 */
@Component
class DeprecationFactory {

    private final RegistryProperties properties;
    private final Clock clock;

    DeprecationFactory(RegistryProperties properties, Optional<Clock> clock) {
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    static String submissionSetUniqueId(String documentUniqueId) {
        return DeterministicIds.oid(DeterministicIds.uuid("deprecationSubmissionSet", documentUniqueId));
    }

    RegisterDocumentSet request(DeprecationOutbox.PendingDeprecation item) {
        Identifiable patient = new Identifiable(item.patient().value(), new AssigningAuthority(Cpr.OID));
        SubmissionSet submissionSet = new SubmissionSet();
        submissionSet.setEntryUuid("urn:uuid:" + DeterministicIds.uuid("deprecationSubmissionSetEntry", item.uniqueId()));
        submissionSet.setUniqueId(submissionSetUniqueId(item.uniqueId()));
        submissionSet.setSourceId(properties.sourceId());
        submissionSet.setPatientId(patient);
        submissionSet.setSubmissionTime(new Timestamp(clock.instant().atZone(ZoneOffset.UTC), Timestamp.Precision.SECOND));
        submissionSet.setContentTypeCode(new Code("001", new LocalizedString("Klinisk rapport", "da-DK", "UTF-8"),
                "1.2.208.184.100.9"));
        submissionSet.setTitle(new LocalizedString("Tilbagekaldt: " + item.reason(), "da-DK", "UTF-8"));
        Author author = new Author();
        author.getAuthorInstitution().add(new Organization(
                "EOJ-XDS", properties.sourceId(), new AssigningAuthority(properties.sourceId())));
        submissionSet.setAuthor(author);
        submissionSet.setAvailabilityStatus(AvailabilityStatus.APPROVED);
        submissionSet.setHomeCommunityId(item.homeCommunityId());
        Association update = new Association(AssociationType.UPDATE_AVAILABILITY_STATUS,
                "urn:uuid:" + DeterministicIds.uuid("deprecate", item.uniqueId()), submissionSet.getEntryUuid(),
                item.entryUuid());
        update.setOriginalStatus(AvailabilityStatus.APPROVED);
        update.setNewStatus(AvailabilityStatus.DEPRECATED);
        RegisterDocumentSet request = new RegisterDocumentSet();
        request.setSubmissionSet(submissionSet);
        request.getAssociations().add(update);
        return request;
    }
}
