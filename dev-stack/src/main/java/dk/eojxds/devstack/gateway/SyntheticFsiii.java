package dk.eojxds.devstack.gateway;

import dk.eojxds.model.Cpr;
import dk.eojxds.model.SorCode;
import dk.eojxds.model.fsiii.FsiiiScope;
import java.time.Instant;
import java.util.Date;
import java.util.Random;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Synthetic FSIII DeliveryReports shaped as the KL Gateway profiles of a scope describe them.
 * Healthcare (the default, municipality-healthcare-data profiles): the citizen, a nursing
 * condition with its follow-up encounter, a planned nursing intervention for it and a completed
 * one. Care (the care profiles) adds a home-care condition with severity, its goal and a home-care
 * intervention. Every other report uses the new (UUID) FSIII codes, the rest the old ones, as
 * during the 2025 transition.
 */
public final class SyntheticFsiii {

    static final String FSIII = "urn:oid:1.2.208.176.2.21";
    private static final String BASE = "https://gateway.example/fhir/";
    private static final String FOLLOW_UP_EXTENSION =
            "http://fhir.kl.dk/gateway/StructureDefinition/klgateway-care-follow-up-encounter-extension";

    private final Random random;
    private final FsiiiScope scope;
    private int reports;

    public SyntheticFsiii(Random random) {
        this(random, FsiiiScope.HEALTHCARE);
    }

    public SyntheticFsiii(Random random, FsiiiScope scope) {
        this.random = random;
        this.scope = scope;
    }

    /** The DeliveryReport profile the reports of this scope carry (and a feed searches by). */
    public String profile() {
        return scope.deliveryReportProfiles().get(0);
    }

    public Bundle report(SyntheticCitizens.Citizen citizen, Instant at) {
        boolean newCodes = reports++ % 2 == 1;
        Bundle report = new Bundle();
        report.setId(id("report", citizen, at));
        report.getMeta().addProfile(profile());
        report.setType(Bundle.BundleType.COLLECTION);
        report.setTimestamp(Date.from(at));

        Patient patient = new Patient();
        patient.setId(UUID.nameUUIDFromBytes(("citizen" + citizen.cpr().value()).getBytes()).toString());
        patient.addIdentifier().setSystem(Cpr.SYSTEM).setValue(citizen.cpr().value());
        patient.setManagingOrganization(new Reference().setIdentifier(new Identifier()
                .setSystem(SorCode.SYSTEM).setValue(citizen.municipality().sor().value())));
        patient.setDeceased(new org.hl7.fhir.r4.model.BooleanType(false));
        add(report, patient);
        Reference subject = new Reference("Patient/" + patient.getIdElement().getIdPart());

        Encounter followUp = new Encounter();
        followUp.setId(id("follow-up", citizen, at));
        followUp.setStatus(Encounter.EncounterStatus.PLANNED);
        followUp.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "HH", null));
        followUp.addType(new CodeableConcept(new Coding("http://fhir.kl.dk/term/CodeSystem/CareSocialCodes",
                "9f03dfbb-7a97-45a5-94db-d4c3501714a9", null)));
        followUp.setSubject(subject);
        followUp.setPeriod(new Period().setStart(Date.from(at.plus(java.time.Duration.ofDays(7)))));

        Condition nursing = condition(id("wound", citizen, at), subject, at, newCodes
                ? code("b4e4bb41-7734-4c84-967f-fa1916662972", "Problemer med personlig pleje")
                : code("I4.1", "Problemer med kirurgisk sår"));
        nursing.addExtension(FOLLOW_UP_EXTENSION, new Reference("Encounter/" + followUp.getIdElement().getIdPart()));
        add(report, nursing);
        add(report, followUp);

        CarePlan woundCare = plan(id("wound-care", citizen, at), subject, at, code("G1.39", "Sårbehandling"), nursing);
        add(report, woundCare);
        if (scope == FsiiiScope.CARE) {
            addHomeCare(report, citizen, at, subject, newCodes);
        }

        Procedure procedure = new Procedure();
        procedure.setId(id("visit", citizen, at));
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.setSubject(subject);
        procedure.setCode(code("G1.42", "Vejledning"));
        procedure.setPerformed(new DateTimeType(Date.from(at)));
        procedure.addReasonReference(new Reference("Condition/" + nursing.getIdElement().getIdPart()));
        add(report, procedure);
        return report;
    }

    // Home care under serviceloven: a functional condition with severity, its goal and an intervention.
    private void addHomeCare(Bundle report, SyntheticCitizens.Citizen citizen, Instant at, Reference subject,
                             boolean newCodes) {
        Condition homeCare = condition(id("washing", citizen, at), subject, at,
                newCodes ? code("4d46bd94-9518-431c-82e8-ebb91bca307a", "Vaske sig") : code("J1.1", "Vaske sig"));
        String[][] severities = newCodes
                ? new String[][] {{"fcc16cb1-41f0-4832-b834-110fba0aaabe", "1"}, {"d984ad21-48fe-4619-845e-2aa0303048e7", "2"},
                        {"1ceef776-0cfa-4acd-b222-c5bb2424e0c1", "3"}}
                : new String[][] {{"B2", "1"}, {"B3", "2"}, {"B4", "3"}};
        String[] severity = severities[random.nextInt(severities.length)];
        homeCare.setSeverity(code(severity[0], severity[1]));
        add(report, homeCare);

        Goal goal = new Goal();
        goal.setId(id("goal", citizen, at));
        goal.setLifecycleStatus(Goal.GoalLifecycleStatus.PLANNED);
        goal.addCategory(new CodeableConcept(new Coding("http://fhir.kl.dk/term/CodeSystem/CareSocialCodes",
                "ca552020-6ed1-4cdc-b0d4-32697f1f27ad", "Forventet tilstand")));
        goal.setDescription(code("e182c5dc-9f91-474a-92e8-f62be3d498f4",
                "Tilstand forsvinder, mindskes eller forbliver uændret"));
        goal.setSubject(subject);
        goal.setStart(new DateType(Date.from(at)));
        goal.addTarget().setMeasure(new CodeableConcept(new Coding("http://fhir.kl.dk/term/CodeSystem/CareSocialCodes",
                "66959f77-6e2a-4574-8423-3ff097f8b9fa", "Funktionsevne"))).setDetail(code(severities[0][0], severities[0][1]));
        goal.addAddresses(new Reference("Condition/" + homeCare.getIdElement().getIdPart()));
        add(report, goal);

        add(report, plan(id("plan", citizen, at), subject, at, code("H1.1", "Personlig hygiejne"), homeCare));
    }

    private static CarePlan plan(String id, Reference subject, Instant at, CodeableConcept intervention, Condition reason) {
        CarePlan plan = new CarePlan();
        plan.setId(id);
        plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setSubject(subject);
        plan.setPeriod(new Period().setStart(Date.from(at)));
        plan.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.INPROGRESS).setCode(intervention)
                .addReasonReference(new Reference("Condition/" + reason.getIdElement().getIdPart()));
        return plan;
    }

    private static Condition condition(String id, Reference subject, Instant at, CodeableConcept code) {
        Condition condition = new Condition();
        condition.setId(id);
        condition.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        condition.setVerificationStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", null)));
        condition.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", null)));
        condition.setCode(code);
        condition.setSubject(subject);
        condition.setRecordedDate(Date.from(at));
        return condition;
    }

    private static CodeableConcept code(String code, String display) {
        return new CodeableConcept(new Coding(FSIII, code, display));
    }

    private static void add(Bundle report, Resource resource) {
        report.addEntry().setFullUrl(BASE + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                .setResource(resource);
    }

    // Stable ids per citizen and delivery: a new delivery updates the same resources.
    private static String id(String what, SyntheticCitizens.Citizen citizen, Instant at) {
        return UUID.nameUUIDFromBytes((what + citizen.cpr().value()).getBytes()).toString();
    }
}
