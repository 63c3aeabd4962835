package dk.eojxds.registry.register;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.DeterministicIds;
import dk.eojxds.model.DocumentMetadata;
import dk.eojxds.model.PersonName;
import dk.eojxds.model.SorCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
 * Turns stored documents of one citizen into an ITI-42 submission: one SubmissionSet, a
 * DocumentEntry and a HasMember association per document and, for a new version, the RPLC
 * association to the document it replaces. All ids are derived from the documents' uniqueIds, so
 * a re-sent submission is the same submission.
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
        return create(List.of(document), submissionTime);
    }

    /** One submission set for several documents of one citizen (IHE: one patient per submission set). */
    RegisterDocumentSet create(List<DocumentMetadata> documents, Instant submissionTime) {
        DocumentMetadata first = documents.get(0);
        if (documents.stream().anyMatch(d -> !d.patient().equals(first.patient()))) {
            throw new IllegalArgumentException("a submission set holds documents of one patient only");
        }
        Identifiable patient = patientId(first.patient());
        RegisterDocumentSet request = new RegisterDocumentSet();
        SubmissionSet submissionSet = submissionSet(first, documents, patient, submissionTime);
        request.setSubmissionSet(submissionSet);
        for (DocumentMetadata document : documents) {
            DocumentEntry entry = entry(document, patient);
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
        }
        return request;
    }

    /** The submission set's uniqueId: derived from the documents it carries (one document: from its uniqueId). */
    static String submissionSetUniqueId(List<DocumentMetadata> documents) {
        return DeterministicIds.oid(DeterministicIds.uuid("submissionSet", uniqueIds(documents)));
    }

    private static String uniqueIds(List<DocumentMetadata> documents) {
        return String.join(",", documents.stream().map(DocumentMetadata::uniqueId).sorted().toList());
    }

    private DocumentEntry entry(DocumentMetadata document, Identifiable patient) {
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

        return entry;
    }

    private SubmissionSet submissionSet(DocumentMetadata first, List<DocumentMetadata> documents, Identifiable patient,
                                        Instant submissionTime) {
        SubmissionSet submissionSet = new SubmissionSet();
        submissionSet.setEntryUuid("urn:uuid:" + DeterministicIds.uuid("submissionSetEntry", uniqueIds(documents)));
        submissionSet.setUniqueId(submissionSetUniqueId(documents));
        submissionSet.setSourceId(properties.sourceId());
        submissionSet.setPatientId(patient);
        submissionSet.setAuthor(author(first));
        submissionSet.setContentTypeCode(code(first.typeCode()));
        submissionSet.setSubmissionTime(timestamp(submissionTime));
        submissionSet.setTitle(new LocalizedString(first.title(), DANISH, UTF8));
        submissionSet.setAvailabilityStatus(AvailabilityStatus.APPROVED);
        submissionSet.setHomeCommunityId(first.homeCommunityId());
        return submissionSet;
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
