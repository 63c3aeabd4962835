package dk.eojxds.repository.documents.telma;

import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.repository.documents.GoldenDocumentsTest;
import dk.eojxds.repository.documents.MetadataFactory;
import dk.eojxds.repository.documents.NewDocument;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.DocumentMetadata;
import dk.eojxds.model.HomeMeasurement;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import dk.eojxds.repository.RepositoryProperties;
import dk.eojxds.repository.citizen.CitizenDemographics;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

public class TelmaDocumentFactoryTest {

    public static final RepositoryProperties.FamilyCodes CODES = new RepositoryProperties.FamilyCodes(
            "urn:ad:dk:medcom:phmr-v2.1:full", "DK PHMR schema", "550621000005101", "hjemmesygeplejeenhed",
            "658161000005107", "hjemmesygepleje", null);
    public static final RepositoryProperties PROPERTIES = new RepositoryProperties("1.2.3.4.5", "urn:oid:1.2.208.176.8.1",
            Duration.ofSeconds(1), 10, 1, CODES, CODES, CODES, new RepositoryProperties.Fsiii(false, null, null, 1), "2.1",
            List.of(GoldenDocumentsTest.QUESTIONNAIRE));
    public static final CitizenDemographics CITIZEN = new CitizenDemographics(Cpr.of("1203521234"), List.of("Karen", "Marie"),
            "Ærøbo", new CitizenDemographics.Address(List.of("Vestergade 7, 1. th."), "5970", "Ærøskøbing"), false);
    public static final MeasurementMethod CITIZEN_TYPED = MeasurementMethod.of(MeasurementMethod.Performer.CITIZEN, false);
    public static final Instant MORNING = Instant.parse("2026-11-20T07:30:00Z");

    private final TelmaDocumentFactory factory = new TelmaDocumentFactory(new MetadataFactory(PROPERTIES), PROPERTIES);

    public static NewDocument create(TelmaDocumentFactory factory, MeasurementDay day, CitizenDemographics citizen,
                              String replaces) {
        return factory.create(day, citizen, TelmaDocumentFactory.fingerprint(day, citizen), replaces);
    }

    private NewDocument create(MeasurementDay day, String replaces) {
        return create(factory, day, CITIZEN, replaces);
    }

    public static MeasurementDay day(List<Measurement> measurements) {
        return new MeasurementDay(Cpr.of("1203521234"), LocalDate.of(2026, 11, 20),
                new Organisation("Ærø Kommune", SorCode.of("1301000016005")), measurements, MORNING.plusSeconds(600));
    }

    public static List<Measurement> measurements() {
        return List.of(
                new Measurement("m2", HomeMeasurement.PULSE, new BigDecimal("72"), "/min", MORNING, CITIZEN_TYPED),
                new Measurement("m1", HomeMeasurement.OXYGEN_SATURATION, new BigDecimal("95"), "%", MORNING, CITIZEN_TYPED),
                new Measurement("m3", HomeMeasurement.WEIGHT, new BigDecimal("80.2"), "kg", MORNING.plusSeconds(60), CITIZEN_TYPED));
    }

    @Test
    void theSameDataGivesTheSameBytesAndIdsWhateverTheRowOrder() {
        NewDocument first = create(day(measurements()), null);
        List<Measurement> reversed = new java.util.ArrayList<>(measurements());
        java.util.Collections.reverse(reversed);
        NewDocument again = create(day(reversed), null);
        assertThat(again.content()).isEqualTo(first.content());
        assertThat(again.metadata().uniqueId()).isEqualTo(first.metadata().uniqueId());
        assertThat(again.metadata().entryUuid()).isEqualTo(first.metadata().entryUuid());
    }

    @Test
    void changedDataOrAnotherPredecessorGivesANewDocument() {
        NewDocument original = create(day(measurements()), null);
        List<Measurement> changed = List.of(measurements().get(0), measurements().get(1));
        assertThat(create(day(changed), original.metadata().uniqueId()).metadata().uniqueId())
                .isNotEqualTo(original.metadata().uniqueId());
        assertThat(create(day(measurements()), "previous").metadata().uniqueId())
                .isNotEqualTo(original.metadata().uniqueId());
    }

    @Test
    void medcomsOwnCodesAreListedUnderMedcomsCodeSystemNotNpus() {
        assertThat(dk.eojxds.model.HomeMeasurement.HOME_SYSTOLIC_PRESSURE.asCode().schemeOid())
                .isEqualTo(DkXdsCodes.MEDCOM_ANALYSIS_CODES);
        assertThat(dk.eojxds.model.HomeMeasurement.SYSTOLIC_PRESSURE.asCode().schemeOid()).isEqualTo(DkXdsCodes.NPU);
    }

    @Test
    void hashAndSizeDescribeTheStoredBytes() {
        NewDocument document = create(day(measurements()), null);
        DocumentMetadata m = document.metadata();
        assertThat(m.size()).isEqualTo(document.content().length);
        assertThat(m.hash()).isEqualTo(MetadataFactory.sha1(document.content()));
        assertThat(m.mimeType()).isEqualTo("text/xml");
        assertThat(m.typeCode().code()).isEqualTo("53576-5");
        // oxygen saturation (NPU03011) is not in the national eventCodeList value set: shown, not listed
        assertThat(m.eventCodes()).extracting(c -> c.code()).containsExactly("NPU03804", "NPU21692");
        assertThat(m.eventCodes()).extracting(c -> c.schemeOid()).containsOnly(DkXdsCodes.NPU);
        assertThat(m.serviceStartTime()).isEqualTo(MORNING);
        assertThat(m.serviceStopTime()).isEqualTo(MORNING.plusSeconds(60));
        // the registry shows the document's own title (PHMR-DK 2.1.0 fixes it)
        assertThat(m.title()).isEqualTo("Hjemmemålinger");
        assertThat(m.formatCode().code()).isEqualTo("urn:ad:dk:medcom:phmr-v2.1:full");
        assertThat(m.author().xdsAuthorInstitution()).contains("Ærø Kommune", "1301000016005");
    }

    @Test
    void theDocumentIsWellFormedUtf8PhmrDk() throws Exception {
        NewDocument document = create(day(measurements()), null);
        String xml = new String(document.content(), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version='1.0' encoding='UTF-8'?>")
                .contains("Ærø Kommune", "Måling", "Værdi", "Iltmætning");
        DocumentBuilderFactory parsers = DocumentBuilderFactory.newInstance();
        parsers.setNamespaceAware(true);
        parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document dom = parsers.newDocumentBuilder().parse(new ByteArrayInputStream(document.content()));
        assertThat(dom.getDocumentElement().getNamespaceURI()).isEqualTo("urn:hl7-org:v3");
        assertThat(dom.getElementsByTagNameNS("urn:hl7-org:v3", "templateId").item(1).getAttributes()
                .getNamedItem("root").getNodeValue()).isEqualTo("1.2.208.184.11.1");
        assertThat(dom.getElementsByTagNameNS("urn:hl7-org:v3", "observation").getLength()).isEqualTo(3);
        assertThat(xml).contains("<id root=\"1.2.208.184\" extension=\"" + document.metadata().uniqueId() + "\"")
                .contains("<effectiveTime value=\"20261120084000+0100\"/>")
                .contains("<birthTime value=\"19520312000000+0000\"/>");
    }
}
