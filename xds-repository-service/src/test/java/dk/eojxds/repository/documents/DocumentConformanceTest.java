package dk.eojxds.repository.documents;

import dk.eojxds.repository.documents.kpro.QrdDocumentBuilder;
import dk.eojxds.repository.documents.telma.MeasurementDay;
import dk.eojxds.repository.documents.telma.PhmrDocumentBuilder;
import dk.eojxds.repository.documents.telma.PhmrRelease;
import dk.eojxds.repository.documents.telma.TelmaDocumentFactoryTest;
import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.dgws.SecureXml;
import dk.eojxds.model.PersonName;
import dk.eojxds.repository.citizen.CitizenDemographics;
import dk.eojxds.repository.conformance.ConformanceChecker;
import dk.eojxds.repository.conformance.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

/**
 * Each statement group catches a violation seeded into a document we build (a rule that never
 * fires proves nothing), and what we build passes.
 */
class DocumentConformanceTest {

    private static final ConformanceChecker PHMR_21 = DocumentChecks.profile("urn:ad:dk:medcom:phmr-v2.1:full");
    private static final ConformanceChecker PHMR_13 = DocumentChecks.profile("urn:ad:dk:medcom:phmr-v1.3:full");
    private static final ConformanceChecker QRD = DocumentChecks.profile("urn:ad:dk:medcom:qrd-v1.3:full");

    private static String phmr(PhmrRelease release, CitizenDemographics citizen) {
        MeasurementDay day = TelmaDocumentFactoryTest.day(TelmaDocumentFactoryTest.measurements());
        return new String(new PhmrDocumentBuilder(release).build(day, citizen, "0b7a0f8e-7a58-4a0e-9b3e-1f2a3b4c5d6e"),
                StandardCharsets.UTF_8);
    }

    private static String qrd() {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setQuestionnaire(GoldenDocumentsTest.QUESTIONNAIRE.canonical());
        response.setAuthored(Date.from(Instant.parse("2026-11-20T10:00:00Z")));
        response.addItem().setLinkId("q1").setText("Hvordan har du det?").addAnswer()
                .setValue(new Coding("http://example.kpro.dk/CodeSystem/skala-1-5", "4", "Godt"));
        response.addItem().setLinkId("q2").setText("Antal dage").addAnswer().setValue(new IntegerType(3));
        return new String(new QrdDocumentBuilder().build(response, GoldenDocumentsTest.QUESTIONNAIRE,
                TelmaDocumentFactoryTest.CITIZEN,
                new dk.eojxds.model.Organisation("Ærø Kommune", dk.eojxds.model.SorCode.of("1301000016005")),
                Instant.parse("2026-11-20T09:40:00Z"), "5c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5"), StandardCharsets.UTF_8);
    }

    private static List<String> violated(ConformanceChecker checker, String xml) {
        return checker.check(SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8))).stream().map(Violation::ruleId).toList();
    }

    private static void caught(ConformanceChecker checker, String valid, UnaryOperator<String> seed, String ruleId) {
        String broken = seed.apply(valid);
        assertThat(broken).as("the seed changed the document").isNotEqualTo(valid);
        assertThat(violated(checker, broken)).contains(ruleId);
    }

    @Test
    void whatWeBuildPassesItsRelease() {
        assertThat(violated(PHMR_21, phmr(PhmrRelease.V2_1, TelmaDocumentFactoryTest.CITIZEN))).isEmpty();
        assertThat(violated(PHMR_13, phmr(PhmrRelease.V1_3, TelmaDocumentFactoryTest.CITIZEN))).isEmpty();
        assertThat(violated(QRD, qrd())).isEmpty();
        // and not the other release: the version declaration tells them apart
        assertThat(violated(PHMR_21, phmr(PhmrRelease.V1_3, TelmaDocumentFactoryTest.CITIZEN))).contains("CONF-PHMR-DK-57..66");
        assertThat(violated(PHMR_13, phmr(PhmrRelease.V2_1, TelmaDocumentFactoryTest.CITIZEN))).contains("PHMR-DK 1.3 version");
    }

    @Test
    void phmrHeaderViolationsAreCaught() {
        String valid = phmr(PhmrRelease.V2_1, TelmaDocumentFactoryTest.CITIZEN);
        caught(PHMR_21, valid, x -> x.replace("0b7a0f8e-7a58-4a0e", "0b7a0f8e-7a58-5a0e"), "CONF-PHMR-DK-6");
        caught(PHMR_21, valid, x -> x.replace("<title>Hjemmemålinger</title>", "<title>Målinger</title>"),
                "PHMR-DK 2.1.0 §2.1.4");
        caught(PHMR_21, valid, x -> x.replace("phmr-v2.1", "phmr-v1.2"), "CONF-PHMR-DK-57..66");
        caught(PHMR_21, valid, x -> x.replace("19520312000000+0000", "19520312"), "PHMR-DK 2.1.0 birthTime");
        caught(PHMR_21, valid, x -> x.replace("displayName=\"Personal Health Monitoring Report\"", ""),
                "CONF-PHMR-DK-12/13");
        caught(PHMR_21, valid, x -> x.replaceFirst("<templateId root=\"1.2.208.184.11.1\"/>", ""), "CONF-PHMR-DK-1/2");
        caught(PHMR_21, valid, x -> x.replace("classCode=\"MPROT\"", "classCode=\"ACT\""), "CONF-PHMR-DK-50/60/70");
    }

    @Test
    void phmrBodyViolationsAreCaught() {
        String valid = phmr(PhmrRelease.V2_1, TelmaDocumentFactoryTest.CITIZEN);
        caught(PHMR_21, valid, x -> x.replaceFirst("<documentationOf typeCode=\"DOC\"><serviceEvent classCode=\"MPROT\" "
                + "moodCode=\"EVN\"><code code=\"NPU03011\"[^>]*/></serviceEvent></documentationOf>", ""), "PHMR-DK 2.1.0 §2.2.3");
        caught(PHMR_21, valid, x -> x.replaceAll("<methodCode code=\"TPD\"[^>]*/>", ""), "PHMR-DK 2.1.0 methodCode");
        caught(PHMR_21, valid, x -> x.replace("code=\"NPU03804\" codeSystem=\"1.2.208.176.2.1\"",
                "code=\"NPU03804\" codeSystem=\"1.2.208.184.100.8\""), "CONF-PHMR-DK-74/132");
        caught(PHMR_21, valid, x -> x.replace("<structuredBody classCode=\"DOCBODY\"", "<structuredBody classCode=\"X\""),
                "CONF-PHMR-DK-81/82");
        caught(PHMR_21, valid, x -> x.replace("<section classCode=\"DOCSECT\" moodCode=\"EVN\">",
                "<section classCode=\"DOCSECT\" moodCode=\"INT\">"), "CONF-PHMR-DK-87/88");
        caught(PHMR_21, valid, x -> x.replace("code=\"8716-3\"", "code=\"11450-4\""), "CONF-PHMR-DK-94..97");
        caught(PHMR_13, phmr(PhmrRelease.V1_3, TelmaDocumentFactoryTest.CITIZEN),
                x -> x.replaceAll("<methodCode code=\"TPD\"[^>]*/>", ""), "PHMR-DK 1.3 methodCode");
    }

    @Test
    void mcsCodesBelongToMedcomsCodeSystemIn21() {
        String mcs = phmr(PhmrRelease.V2_1, TelmaDocumentFactoryTest.CITIZEN)
                .replace("code=\"NPU21692\" codeSystem=\"1.2.208.176.2.1\"", "code=\"MCS88019\" codeSystem=\"1.2.208.176.2.1\"");
        assertThat(violated(PHMR_21, mcs)).contains("CONF-PHMR-DK-75/133");
    }

    @Test
    void qrdHeaderViolationsAreCaught() {
        String valid = qrd();
        caught(QRD, valid, x -> x.replace("qrd-v1.3", "qrd-v1.2"), "QRD-DK 1.3.2 DK12-15");
        caught(QRD, valid, x -> x.replace("displayName=\"self\"", "displayName=\"Self\""), "QRD-DK 1.3.2 C34/DK37");
        caught(QRD, valid, x -> x.replace("<templateId root=\"1.2.208.184.13.1.1.1\"/>", ""), "QRD-DK 1.3.2 C112-113");
        caught(QRD, valid, x -> x.replace("</custodian>", "</custodian><legalAuthenticator><time value=\"2026\"/>"
                + "<signatureCode code=\"S\"/><assignedEntity><id root=\"1\"/></assignedEntity></legalAuthenticator>"),
                "QRD-DK 1.3.2 NO-LEGALAUTHENTICATOR");
        caught(QRD, valid, x -> x.replace("19520312000000+0000", "195203120000"), "QRD-DK 1.3.2 DK6-8");
        caught(QRD, valid, x -> x.replaceFirst("<telecom nullFlavor=\"NI\"/>", ""), "QRD-DK 1.3.2 C18/C19/DK5/C21/C22/C23");
        caught(QRD, valid, x -> x.replaceFirst("<representedOrganization.*?</representedOrganization>", ""),
                "QRD-DK 1.3.2 AUTHOR-ORGANISATION/DK39-44");
    }

    @Test
    void qrdBodyViolationsAreCaught() {
        String valid = qrd();
        caught(QRD, valid, x -> x.replaceFirst("<reference typeCode=\"REFR\">.*?</reference>", ""),
                "QRD-DK 1.3.2 5.9 REFERENCE");
        caught(QRD, valid, x -> x.replace(GoldenDocumentsTest.QUESTIONNAIRE.formId(), "not-a-uuid"), "QRD-DK 1.3.2 5.9.1");
        caught(QRD, valid, x -> x.replace("<entry typeCode=\"DRIV\"", "<entry typeCode=\"COMP\""), "QRD-DK 1.3.2 C126/C127");
        caught(QRD, valid, x -> x.replace("<templateId root=\"2.16.840.1.113883.10.20.33.2.1\"/><code code=\"74465-6\"",
                "<templateId root=\"2.16.840.1.113883.10.20.33.2.1\"/><code code=\"74468-0\""), "QRD-DK 1.3.2 C121");
    }

    @Test
    void aProtectedPersonsNameAndAddressAreNeverWritten() {
        CitizenDemographics shielded = new CitizenDemographics(TelmaDocumentFactoryTest.CITIZEN.cpr(),
                List.of("Karen"), "Ærøbo", TelmaDocumentFactoryTest.CITIZEN.address(), true);
        String xml = phmr(PhmrRelease.V2_1, shielded);
        assertThat(xml).doesNotContain("Karen", "Ærøbo", "Vestergade", "Ærøskøbing")
                .contains("<given>ADRESSEBESKYTTET</given>", "<postalCode>0000</postalCode>");
        assertThat(violated(PHMR_21, xml)).isEmpty();
        assertThat(shielded.name()).isEqualTo(new PersonName("ADRESSEBESKYTTET", List.of("ADRESSEBESKYTTET")));
    }
}
