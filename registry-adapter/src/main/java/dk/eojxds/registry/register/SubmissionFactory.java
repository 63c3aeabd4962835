package dk.eojxds.registry.register;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.DeterministicIds;
import dk.eojxds.model.DocumentMetadata;
import dk.eojxds.model.PersonName;
import dk.eojxds.model.SorCode;
import java.time.Instant;
import java.time.ZoneOffset;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationLabel;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Author;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.PatientInfo;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.SubmissionSet;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Timestamp;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.XpnName;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.springframework.stereotype.Component;

/**
 * Turns a stored document's metadata into an ITI-42 submission: one SubmissionSet, one
 * DocumentEntry, the HasMember association and, for a new version, the RPLC association to the
 * document it replaces. All ids are derived from the document's uniqueId, so a re-sent submission
 * is the same submission.
 */
@Component
class SubmissionFactory {

    private static final String DANISH = "da-DK";
    private static final String UTF8 = "UTF-8";

    private final RegistryProperties properties;

    SubmissionFactory(RegistryProperties properties) {
        this.properties = properties;
    }

    RegisterDocumentSet create(DocumentMetadata document, Instant submissionTime) {
        Identifiable patient = patientId(document.patient());
        Author author = author(document);

        DocumentEntry entry = new DocumentEntry();
        entry.setEntryUuid(document.entryUuid());
        entry.setUniqueId(document.uniqueId());
        entry.setType(DocumentEntryType.STABLE);
        entry.setAvailabilityStatus(AvailabilityStatus.APPROVED);
        entry.setPatientId(patient);
        entry.setSourcePatientId(patient);
        entry.setSourcePatientInfo(patientInfo(document.patient(), document.patientName()));
        entry.getAuthors().add(author);
        entry.setClassCode(code(document.classCode()));
        entry.setTypeCode(code(document.typeCode()));
        entry.setFormatCode(code(document.formatCode()));
        entry.getConfidentialityCodes().add(code(document.confidentialityCode()));
        entry.setLanguageCode(document.languageCode());
        entry.setHealthcareFacilityTypeCode(code(document.healthcareFacilityTypeCode()));
        entry.setPracticeSettingCode(code(document.practiceSettingCode()));
        document.eventCodes().forEach(c -> entry.getEventCodeList().add(code(c)));
        entry.setTitle(new LocalizedString(document.title(), DANISH, UTF8));
        entry.setCreationTime(timestamp(document.creationTime()));
        if (document.serviceStartTime() != null) {
            entry.setServiceStartTime(timestamp(document.serviceStartTime()));
        }
        if (document.serviceStopTime() != null) {
            entry.setServiceStopTime(timestamp(document.serviceStopTime()));
        }
        entry.setMimeType(document.mimeType());
        entry.setHash(document.hash());
        entry.setSize(document.size());
        entry.setRepositoryUniqueId(document.repositoryUniqueId());
        entry.setHomeCommunityId(document.homeCommunityId());

        SubmissionSet submissionSet = new SubmissionSet();
        submissionSet.setEntryUuid("urn:uuid:" + DeterministicIds.uuid("submissionSetEntry", document.uniqueId()));
        submissionSet.setUniqueId(RegistrationOutbox.submissionSetUniqueId(document));
        submissionSet.setSourceId(properties.sourceId());
        submissionSet.setPatientId(patient);
        submissionSet.setAuthor(author);
        submissionSet.setContentTypeCode(code(document.typeCode()));
        submissionSet.setSubmissionTime(timestamp(submissionTime));
        submissionSet.setTitle(new LocalizedString(document.title(), DANISH, UTF8));
        submissionSet.setAvailabilityStatus(AvailabilityStatus.APPROVED);
        submissionSet.setHomeCommunityId(document.homeCommunityId());

        RegisterDocumentSet request = new RegisterDocumentSet();
        request.setSubmissionSet(submissionSet);
        request.getDocumentEntries().add(entry);
        Association member = new Association(AssociationType.HAS_MEMBER,
                "urn:uuid:" + DeterministicIds.uuid("hasMember", document.uniqueId()),
                submissionSet.getEntryUuid(), entry.getEntryUuid());
        member.setLabel(AssociationLabel.ORIGINAL);
        request.getAssociations().add(member);
        if (document.replacesUniqueId() != null) {
            request.getAssociations().add(new Association(AssociationType.REPLACE,
                    "urn:uuid:" + DeterministicIds.uuid("rplc", document.uniqueId()),
                    entry.getEntryUuid(), DeterministicIds.entryUuid(document.replacesUniqueId())));
        }
        return request;
    }

    private static Identifiable patientId(Cpr cpr) {
        return new Identifiable(cpr.value(), new AssigningAuthority(Cpr.OID));
    }

    // The Danish metadata profile requires PID-5, PID-7 and PID-8: the name as the document shows it
    // (a protected person's is ADRESSEBESKYTTET), birth date and sex from the CPR number
    private static PatientInfo patientInfo(Cpr cpr, PersonName name) {
        PatientInfo info = new PatientInfo();
        info.getIds().add(patientId(cpr));
        if (name != null) {
            info.getNames().add(new XpnName(name.family(), name.firstGiven(), blankToNull(name.furtherGiven()),
                    null, null, null));
        }
        info.setDateOfBirth(cpr.birthDate().toString().replace("-", ""));
        info.setGender(cpr.administrativeSex());
        return info;
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static Author author(DocumentMetadata document) {
        Author author = new Author();
        author.getAuthorInstitution().add(new Organization(document.author().name(),
                document.author().sor().value(), new AssigningAuthority(SorCode.OID)));
        return author;
    }

    private static Code code(dk.eojxds.model.Code code) {
        return new Code(code.code(), new LocalizedString(code.display(), DANISH, UTF8), code.schemeOid());
    }

    private static Timestamp timestamp(Instant instant) {
        return new Timestamp(instant.atZone(ZoneOffset.UTC), Timestamp.Precision.SECOND);
    }
}
