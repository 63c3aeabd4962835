package dk.eojxds.repository.documents;

import dk.eojxds.repository.documents.fsiii.FhirDocumentValidator;
import dk.eojxds.repository.documents.fsiii.FsiiiDocumentBuilder;
import dk.eojxds.repository.documents.kpro.QrdDocumentBuilder;
import dk.eojxds.repository.documents.telma.MeasurementDay;
import dk.eojxds.repository.documents.telma.PhmrDocumentBuilder;
import dk.eojxds.repository.documents.telma.PhmrRelease;
import dk.eojxds.repository.documents.telma.TelmaDocumentFactoryTest;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import dk.eojxds.model.fsiii.FsiiiTerminology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Golden files: each document type, built from fixed data with Danish characters, must equal the
 * reviewed file byte for byte ({@code src/test/resources/golden}). After a deliberate change, run
 * with {@code -Dgolden.update=true}, review the diff, and commit it.
 */
public class GoldenDocumentsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Instant AT = Instant.parse("2026-11-20T09:40:00Z");
    private static final Cpr CITIZEN = Cpr.of("1203521234");
    public static final dk.eojxds.repository.RepositoryProperties.Questionnaire QUESTIONNAIRE =
            new dk.eojxds.repository.RepositoryProperties.Questionnaire(
                    "http://example.kpro.dk/Questionnaire/mental-trivsel|1.0", "3f6c2a9e-8d41-4b7a-9c15-2e7d0b4a61f3",
                    "2.25.81264357702313627045921839117243590131", "", "Mental trivsel");
    private static final Organisation AERO = new Organisation("Ærø Kommune", SorCode.of("1301000016005"));

    @Test
    void phmrDk() throws Exception {
        MeasurementDay day = TelmaDocumentFactoryTest.day(TelmaDocumentFactoryTest.measurements());
        byte[] document = new PhmrDocumentBuilder(PhmrRelease.V2_1).build(day, TelmaDocumentFactoryTest.CITIZEN,
                "0b7a0f8e-7a58-4a0e-9b3e-1f2a3b4c5d6e");
        assertGolden("phmr-dk.xml", document);
        assertThat(new String(document, StandardCharsets.UTF_8)).contains("Ærø Kommune", "Iltmætning", "Værdi",
                "Ærøskøbing", "<given>Karen</given>", "phmr-v2.1", "Hjemmemålinger");
        assertThat(DocumentChecks.profile("urn:ad:dk:medcom:phmr-v2.1:full")
                .check(dk.eojxds.dgws.SecureXml.parse(document))).isEmpty();
    }

    @Test
    void phmrDk13() throws Exception {
        MeasurementDay day = TelmaDocumentFactoryTest.day(TelmaDocumentFactoryTest.measurements());
        byte[] document = new PhmrDocumentBuilder(PhmrRelease.V1_3).build(day, TelmaDocumentFactoryTest.CITIZEN,
                "0b7a0f8e-7a58-4a0e-9b3e-1f2a3b4c5d6e");
        assertGolden("phmr-dk-1.3.xml", document);
        assertThat(new String(document, StandardCharsets.UTF_8)).contains("phmr-v1.3").doesNotContain("phmr-v2.1");
        assertThat(DocumentChecks.profile("urn:ad:dk:medcom:phmr-v1.3:full")
                .check(dk.eojxds.dgws.SecureXml.parse(document))).isEmpty();
    }

    @Test
    void qrdDk() throws Exception {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setQuestionnaire("http://example.kpro.dk/Questionnaire/mental-trivsel|1.0");
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setAuthored(Date.from(Instant.parse("2026-11-20T10:00:00Z")));
        response.addItem().setLinkId("q1").setText("Hvordan har du haft det de seneste to uger?").addAnswer()
                .setValue(new Coding("http://example.kpro.dk/CodeSystem/skala-1-5", "4", "Godt – næsten altid"));
        response.addItem().setLinkId("q2").setText("Antal dage med motion i sidste uge").addAnswer()
                .setValue(new IntegerType(3));
        response.addItem().setLinkId("q3").setText("Er der andet, du vil fortælle os?").addAnswer()
                .setValue(new org.hl7.fhir.r4.model.StringType("Jeg sover dårligt, når det blæser"));
        byte[] document = new QrdDocumentBuilder().build(response, QUESTIONNAIRE,
                TelmaDocumentFactoryTest.CITIZEN, AERO, AT, "5c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5");
        assertGolden("qrd-dk.xml", document);
        String xml = new String(document, StandardCharsets.UTF_8);
        assertThat(xml).contains("<templateId root=\"1.2.208.184.13.1.1.1\"/>", "qrd-v1.3",
                "Hvordan har du haft det de seneste to uger?", "Godt – næsten altid", "xsi:type=\"INT\" value=\"3\"",
                QUESTIONNAIRE.formId(), "2.16.840.1.113883.10.20.33.4.5", "2.16.840.1.113883.10.20.33.4.4",
                "2.16.840.1.113883.10.20.33.4.6");
        assertThat(DocumentChecks.profile("urn:ad:dk:medcom:qrd-v1.3:full")
                .check(dk.eojxds.dgws.SecureXml.parse(document))).isEmpty();
    }

    @Test
    void fsiiiOverviewIsAValidFhirDocument() throws Exception {
        FsiiiDocumentBuilder builder = new FsiiiDocumentBuilder(FHIR, FsiiiTerminology.builtIn());
        Bundle document = builder.build(citizen(), TelmaDocumentFactoryTest.CITIZEN, fsiiiResources(), AERO, AT, "9d8c7b6a-5f4e-5d3c-8b2a-19f8e7d6c5b4");
        assertThat(new FhirDocumentValidator(FHIR).errors(document)).isEmpty();
        byte[] bytes = builder.encode(document);
        assertGolden("fsiii-overview.json", bytes);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Funktionsevnetilstande", "Vaske sig",
                "Moderate begrænsninger", "Helbredstilstande", "Problemer med kirurgisk sår", "Planlagte indsatser",
                "Leverede indsatser", "Ærø Kommune", "\"birthDate\": \"1952-03-12\"", "\"gender\": \"female\"",
                "\"confidentiality\": \"N\"");
    }

    public static Patient citizen() {
        Patient patient = new Patient();
        patient.setId("p1");
        patient.addIdentifier().setSystem("urn:oid:1.2.208.176.1.2").setValue(CITIZEN.value());
        patient.setManagingOrganization(new Reference().setIdentifier(new Identifier()
                .setSystem("urn:oid:1.2.208.176.1.1").setValue("1301000016005")));
        return patient;
    }

    public static List<Resource> fsiiiResources() {
        Condition washing = condition("c1", "J1.1");
        washing.setSeverity(fsiii("B3"));
        Condition wound = condition("c2", "I4.1");
        Goal goal = new Goal();
        goal.setId("g1");
        goal.setLifecycleStatus(Goal.GoalLifecycleStatus.PLANNED);
        goal.setDescription(fsiii("e182c5dc-9f91-474a-92e8-f62be3d498f4"));
        goal.setSubject(new Reference("Patient/p1"));
        goal.setStart(new DateType("2026-11-20"));
        goal.addTarget().setDetail(fsiii("B2")).setMeasure(new CodeableConcept(new Coding(
                "http://fhir.kl.dk/term/CodeSystem/CareSocialCodes", "66959f77-6e2a-4574-8423-3ff097f8b9fa", null)));
        goal.addAddresses(new Reference("Condition/c1"));
        CarePlan plan = new CarePlan();
        plan.setId("cp1");
        plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setSubject(new Reference("Patient/p1"));
        plan.setPeriod(new Period().setStartElement(new DateTimeType("2026-11-20")));
        plan.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.INPROGRESS).setCode(fsiii("H1b"))
                .addReasonReference(new Reference("Condition/c1"));
        Procedure visit = new Procedure();
        visit.setId("pr1");
        visit.setStatus(Procedure.ProcedureStatus.COMPLETED);
        visit.setSubject(new Reference("Patient/p1"));
        visit.setCode(fsiii("G1.42"));
        visit.setPerformed(new DateTimeType("2026-11-20T09:00:00+01:00"));
        return List.of(washing, wound, goal, plan, visit);
    }

    private static Condition condition(String id, String code) {
        Condition condition = new Condition();
        condition.setId(id);
        condition.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        condition.setCode(fsiii(code));
        condition.setSubject(new Reference("Patient/p1"));
        condition.setRecordedDateElement(new DateTimeType("2026-11-20"));
        return condition;
    }

    private static CodeableConcept fsiii(String code) {
        return new CodeableConcept(new Coding(FsiiiTerminology.SYSTEM, code, null));
    }

    public static void assertGolden(String name, byte[] actual) throws Exception {
        Path golden = Path.of("src", "test", "resources", "golden", name);
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.write(golden, actual);
        }
        assertThat(new String(actual, StandardCharsets.UTF_8))
                .as("%s differs from its golden file; review and update with -Dgolden.update=true", name)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
