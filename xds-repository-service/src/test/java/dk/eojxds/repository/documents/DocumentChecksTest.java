package dk.eojxds.repository.documents;

import dk.eojxds.repository.documents.telma.TelmaDocumentFactory;
import dk.eojxds.repository.documents.telma.TelmaDocumentFactoryTest;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentChecksTest {

    private final DocumentChecks checks = new DocumentChecks();
    private final TelmaDocumentFactory factory = new TelmaDocumentFactory(
            new MetadataFactory(TelmaDocumentFactoryTest.PROPERTIES), TelmaDocumentFactoryTest.PROPERTIES);

    private NewDocument valid() {
        return TelmaDocumentFactoryTest.create(factory, TelmaDocumentFactoryTest.day(TelmaDocumentFactoryTest.measurements()),
                TelmaDocumentFactoryTest.CITIZEN, null);
    }

    @Test
    void aBuiltDocumentPasses() {
        assertThatCode(() -> checks.verify(valid())).doesNotThrowAnyException();
    }

    @Test
    void bytesThatDoNotMatchTheirHashAreRefused() {
        NewDocument document = valid();
        byte[] tampered = document.content().clone();
        tampered[tampered.length - 20] = 'x';
        assertThatThrownBy(() -> checks.verify(new NewDocument(document.metadata(), document.partitionKey(),
                document.sourceFingerprint(), tampered))).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("hash does not match");
    }

    @Test
    void aHeaderForAnotherCitizenIsRefused() {
        NewDocument document = valid();
        String xml = new String(document.content(), StandardCharsets.UTF_8).replace("1203521234", "0101501234");
        byte[] content = xml.getBytes(StandardCharsets.UTF_8);
        var metadata = document.metadata();
        var rehashed = new dk.eojxds.model.DocumentMetadata(metadata.uniqueId(), metadata.entryUuid(), metadata.family(),
                metadata.patient(), metadata.patientName(), metadata.author(), metadata.classCode(), metadata.typeCode(), metadata.formatCode(),
                metadata.confidentialityCode(), metadata.languageCode(), metadata.healthcareFacilityTypeCode(),
                metadata.practiceSettingCode(), metadata.eventCodes(), metadata.title(), metadata.creationTime(),
                metadata.serviceStartTime(), metadata.serviceStopTime(), metadata.mimeType(), MetadataFactory.sha1(content),
                content.length, metadata.repositoryUniqueId(), metadata.homeCommunityId(), metadata.replacesUniqueId());
        assertThatThrownBy(() -> checks.verify(new NewDocument(rehashed, document.partitionKey(),
                document.sourceFingerprint(), content))).hasMessageContaining("recordTarget CPR");
    }

    @Test
    void xmlThatIsNotWellFormedIsRefused() {
        refused("<ClinicalDocument><unclosed></ClinicalDocument>", "not well-formed");
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsEverExpanded() {
        refused("<?xml version=\"1.0\"?><!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">&x;</ClinicalDocument>", "DOCTYPE");
    }

    private void refused(String xml, String reason) {
        NewDocument document = valid();
        byte[] broken = xml.getBytes(StandardCharsets.UTF_8);
        var m = document.metadata();
        var metadata = new dk.eojxds.model.DocumentMetadata(m.uniqueId(), m.entryUuid(), m.family(), m.patient(), m.patientName(),
                m.author(), m.classCode(), m.typeCode(), m.formatCode(), m.confidentialityCode(), m.languageCode(),
                m.healthcareFacilityTypeCode(), m.practiceSettingCode(), m.eventCodes(), m.title(), m.creationTime(),
                m.serviceStartTime(), m.serviceStopTime(), m.mimeType(), MetadataFactory.sha1(broken), broken.length,
                m.repositoryUniqueId(), m.homeCommunityId(), null);
        assertThatThrownBy(() -> checks.verify(new NewDocument(metadata, "x", "f", broken)))
                .hasMessageContaining(reason);
    }
}
