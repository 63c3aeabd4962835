package dk.eojxds.registry.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.eojxds.handover.DeprecationOutbox;
import dk.eojxds.model.Code;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.DataFamily;
import dk.eojxds.model.DeterministicIds;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.DocumentMetadata;
import dk.eojxds.model.HomeMeasurement;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.PersonName;
import dk.eojxds.model.SorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLSubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.RegisterDocumentSetTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.SubmitObjectsRequestValidator;

class SubmissionFactoryTest {

    private final SubmissionFactory factory = new SubmissionFactory(new RegistryProperties(
            "http://localhost/iti42", "http://localhost/iti57", "1.2.208.999.1", Duration.ofSeconds(1), 10, Duration.ofSeconds(1),
            Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(60), 1, 1, null));

    static DocumentMetadata document(String replaces) {
        String uniqueId = DeterministicIds.uuid("test", String.valueOf(replaces)).toString();
        return new DocumentMetadata(uniqueId, DeterministicIds.entryUuid(uniqueId), DataFamily.TELMA,
                Cpr.of("1203521234"), new PersonName("Ærøbo", List.of("Karen", "Marie", "Sofie")), new Organisation("Ærø Kommune", SorCode.of("1301000016005")),
                DkXdsCodes.CLASS_CLINICAL_REPORT, DkXdsCodes.TYPE_PHMR, DkXdsCodes.FORMAT_PHMR,
                DkXdsCodes.CONFIDENTIALITY_NORMAL, "da-DK", DkXdsCodes.FACILITY_HOME_NURSING,
                DkXdsCodes.PRACTICE_HOME_NURSING,
                List.of(HomeMeasurement.WEIGHT.asCode(), HomeMeasurement.PULSE.asCode()),
                "Hjemmemålinger 20. november 2026", Instant.parse("2026-11-20T08:40:00Z"),
                Instant.parse("2026-11-20T07:30:00Z"), Instant.parse("2026-11-20T07:31:00Z"), "text/xml",
                "0123456789abcdef0123456789abcdef01234567", 4711, "1.2.3.4.5", "urn:oid:1.2.208.176.8.1", replaces);
    }

    private static void assertPassesIpfIti42Validation(RegisterDocumentSet request) {
        EbXMLSubmitObjectsRequest<?> ebXml = new RegisterDocumentSetTransformer(new EbXMLFactory30()).toEbXML(request);
        assertThatCode(() -> SubmitObjectsRequestValidator.getInstance().validate(ebXml, XDS.Interactions.ITI_42))
                .doesNotThrowAnyException();
    }

    @Test
    void aNewDocumentIsAValidIti42SubmissionWithTheDanishMetadata() {
        RegisterDocumentSet request = factory.create(document(null), Instant.parse("2026-11-20T09:00:00Z"));
        assertPassesIpfIti42Validation(request);
        DocumentEntry entry = request.getDocumentEntries().get(0);
        assertThat(entry.getPatientId().getId()).isEqualTo("1203521234");
        assertThat(entry.getPatientId().getAssigningAuthority().getUniversalId()).isEqualTo("1.2.208.176.1.2");
        assertThat(entry.getAuthors().get(0).getAuthorInstitution().get(0).getIdNumber()).isEqualTo("1301000016005");
        assertThat(entry.getClassCode().getCode()).isEqualTo("001");
        assertThat(entry.getClassCode().getSchemeName()).isEqualTo("1.2.208.184.100.9");
        assertThat(entry.getLanguageCode()).isEqualTo("da-DK");
        assertThat(entry.getEventCodeList()).extracting(c -> c.getCode()).containsExactly("NPU03804", "NPU21692");
        assertThat(entry.getHash()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(entry.getSize()).isEqualTo(4711L);
        assertThat(request.getAssociations()).extracting(a -> a.getAssociationType())
                .containsExactly(AssociationType.HAS_MEMBER);
    }

    @Test
    void sourcePatientInfoCarriesNameBirthDateAndSexAsTheDanishProfileRequires() {
        RegisterDocumentSet request = factory.create(document(null), Instant.parse("2026-11-20T09:00:00Z"));
        EbXMLSubmitObjectsRequest<?> ebXml = new RegisterDocumentSetTransformer(new EbXMLFactory30()).toEbXML(request);
        List<String> values = ebXml.getExtrinsicObjects().get(0).getSlotValues("sourcePatientInfo");
        assertThat(values).contains("PID-5|Ærøbo^Karen^Marie Sofie", "PID-7|19520312", "PID-8|F");
    }

    @Test
    void severalDocumentsOfOneCitizenGoInOneSubmissionSetButNeverTwoCitizens() {
        DocumentMetadata first = document(null);
        DocumentMetadata second = document("previous-unique-id");
        RegisterDocumentSet request = factory.create(List.of(first, second), Instant.parse("2026-11-20T09:00:00Z"));
        assertPassesIpfIti42Validation(request);
        assertThat(request.getDocumentEntries()).hasSize(2);
        assertThat(request.getAssociations()).extracting(a -> a.getAssociationType())
                .containsExactly(AssociationType.HAS_MEMBER, AssociationType.HAS_MEMBER, AssociationType.REPLACE);
        assertThat(SubmissionFactory.submissionSetUniqueId(List.of(second, first)))
                .as("the same documents, the same set").isEqualTo(SubmissionFactory.submissionSetUniqueId(List.of(first, second)));
        DocumentMetadata other = new DocumentMetadata("other", DeterministicIds.entryUuid("other"), first.family(),
                Cpr.of("0101501234"), first.patientName(), first.author(), first.classCode(), first.typeCode(),
                first.formatCode(), first.confidentialityCode(), first.languageCode(), first.healthcareFacilityTypeCode(),
                first.practiceSettingCode(), first.eventCodes(), first.title(), first.creationTime(),
                first.serviceStartTime(), first.serviceStopTime(), first.mimeType(), first.hash(), first.size(),
                first.repositoryUniqueId(), first.homeCommunityId(), null);
        assertThatThrownBy(() -> factory.create(List.of(first, other), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplacementCarriesAnRplcAssociationToTheReplacedEntry() {
        DocumentMetadata replacing = document("previous-unique-id");
        RegisterDocumentSet request = factory.create(replacing, Instant.now());
        assertPassesIpfIti42Validation(request);
        assertThat(request.getAssociations()).filteredOn(a -> a.getAssociationType() == AssociationType.REPLACE)
                .singleElement().satisfies(a -> {
                    assertThat(a.getSourceUuid()).isEqualTo(replacing.entryUuid());
                    assertThat(a.getTargetUuid()).isEqualTo(DeterministicIds.entryUuid("previous-unique-id"));
                });
    }

    @Test
    void reSendingGivesTheSameIds() {
        RegisterDocumentSet first = factory.create(document(null), Instant.parse("2026-11-20T09:00:00Z"));
        RegisterDocumentSet again = factory.create(document(null), Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(again.getSubmissionSet().getUniqueId()).isEqualTo(first.getSubmissionSet().getUniqueId());
        assertThat(again.getSubmissionSet().getEntryUuid()).isEqualTo(first.getSubmissionSet().getEntryUuid());
        assertThat(again.getDocumentEntries().get(0).getEntryUuid())
                .isEqualTo(first.getDocumentEntries().get(0).getEntryUuid());
    }

    @Test
    void aDeprecationIsAValidIti57Update() {
        DeprecationFactory factory = new DeprecationFactory(new RegistryProperties("http://localhost/iti42",
                "http://localhost/iti57", "1.2.208.999.1", Duration.ofSeconds(1), 10, Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(60), 1, 1, null), java.util.Optional.empty());
        DocumentMetadata document = document(null);
        RegisterDocumentSet update = factory.request(new DeprecationOutbox.PendingDeprecation(document.uniqueId(),
                document.entryUuid(), document.patient(), "urn:oid:1.2.208.176.8.1", "entered in error", 0));
        EbXMLSubmitObjectsRequest<?> ebXml = new RegisterDocumentSetTransformer(new EbXMLFactory30()).toEbXML(update);
        assertThatCode(() -> SubmitObjectsRequestValidator.getInstance().validate(ebXml, XDS.Interactions.ITI_57))
                .doesNotThrowAnyException();
        assertThat(update.getAssociations()).singleElement().satisfies(a -> {
            assertThat(a.getAssociationType()).isEqualTo(AssociationType.UPDATE_AVAILABILITY_STATUS);
            assertThat(a.getTargetUuid()).isEqualTo(document.entryUuid());
            assertThat(a.getNewStatus()).isEqualTo(org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus.DEPRECATED);
        });
    }

    @Test
    void codesKeepTheirSchemes() {
        Code format = document(null).formatCode();
        assertThat(factory.create(document(null), Instant.now()).getDocumentEntries().get(0).getFormatCode()
                .getSchemeName()).isEqualTo(format.schemeOid());
    }
}
