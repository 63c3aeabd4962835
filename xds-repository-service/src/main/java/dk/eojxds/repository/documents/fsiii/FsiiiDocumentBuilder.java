package dk.eojxds.repository.documents.fsiii;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import dk.eojxds.model.DeterministicIds;
import dk.eojxds.model.DkXdsCodes;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import dk.eojxds.model.fsiii.FsiiiTerminology.Category;
import dk.eojxds.model.fsiii.FsiiiTerminology;
import dk.eojxds.repository.citizen.CitizenDemographics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * The FSIII overview as a FHIR document Bundle (application/fhir+json): a Composition whose
 * sections — functional-ability conditions with severity and goal, health conditions, planned and
 * completed interventions, follow-up — carry a Danish narrative and refer to the resources, all
 * in the Bundle with {@code urn:uuid} full URLs. Deterministic: ids derive from the data.
 */
@Component
public class FsiiiDocumentBuilder {

    private final FhirContext fhir;
    private final FsiiiNarrative narrative;

    public FsiiiDocumentBuilder(FhirContext fhir, FsiiiTerminology terminology) {
        this.fhir = fhir;
        this.narrative = new FsiiiNarrative(terminology);
    }

    public static final String TITLE = "FSIII-overblik: kommunal pleje og sygepleje";

    public Bundle build(Patient citizen, CitizenDemographics person, List<Resource> resources, Organisation author,
                 Instant dataAsOf, String documentId) {
        Map<String, String> fullUrls = new HashMap<>();
        Patient patient = citizen.copy();
        demographicsFromCpr(patient);
        nameAndAddress(patient, person.published());
        fullUrls.put("Patient/" + citizen.getIdElement().getIdPart(), fullUrl("Patient", citizen.getIdElement().getIdPart()));
        List<Resource> copies = new ArrayList<>();
        for (Resource resource : resources) {
            Resource copy = resource.copy();
            fullUrls.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(),
                    fullUrl(resource.fhirType(), resource.getIdElement().getIdPart()));
            copies.add(copy);
        }
        FhirTerser terser = fhir.newTerser();
        List<String> urls = new ArrayList<>();
        for (Resource copy : copies) {
            for (Reference reference : terser.getAllPopulatedChildElementsOfType(copy, Reference.class)) {
                String target = fullUrls.get(reference.getReference());
                if (target != null) {
                    reference.setReference(target);
                }
            }
            String url = fullUrls.get(copy.fhirType() + "/" + copy.getIdElement().getIdPart());
            urls.add(url);
            withId(copy, url);
        }
        Organization organization = new Organization();
        organization.setId(DeterministicIds.uuid("organization", author.sor().value()).toString());
        organization.addIdentifier(new Identifier().setSystem(SorCode.SYSTEM).setValue(author.sor().value()));
        organization.setName(author.name());
        String organizationUrl = "urn:uuid:" + organization.getIdElement().getIdPart();
        String patientUrl = fullUrls.get("Patient/" + citizen.getIdElement().getIdPart());

        Composition composition = new Composition();
        composition.setId(DeterministicIds.uuid("composition", documentId).toString());
        composition.setStatus(Composition.CompositionStatus.FINAL);
        // the same for every version of the citizen's overview (the Bundle's identifier names this version)
        composition.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:"
                + DeterministicIds.uuid("fsiii-overview", citizen.getIdentifierFirstRep().getValue())));
        composition.setConfidentiality(Composition.DocumentConfidentiality.N);
        Instant[] period = period(resources, dataAsOf);
        composition.addEvent().setPeriod(new org.hl7.fhir.r4.model.Period().setStart(Date.from(period[0]))
                .setEnd(Date.from(period[1])));
        composition.setType(new CodeableConcept(new Coding("http://loinc.org", DkXdsCodes.TYPE_FSIII_OVERVIEW.code(),
                DkXdsCodes.TYPE_FSIII_OVERVIEW.display())));
        composition.setSubject(new Reference(patientUrl));
        composition.setDate(Date.from(dataAsOf));
        composition.addAuthor(new Reference(organizationUrl).setDisplay(author.name()));
        composition.setTitle(TITLE);
        composition.setLanguage("da-DK");
        composition.setCustodian(new Reference(organizationUrl));
        new FsiiiSections(narrative).addTo(composition, copies, fullUrls);
        composition.setText(FsiiiNarrative.generated(FsiiiNarrative.paragraph(TITLE + " fra " + author.name()
                + ", opdateret " + FsiiiNarrative.date(Date.from(dataAsOf)) + ".")));

        Bundle bundle = new Bundle();
        bundle.setId(documentId);
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + documentId));
        bundle.setType(Bundle.BundleType.DOCUMENT);
        bundle.setTimestamp(Date.from(dataAsOf));
        bundle.addEntry().setFullUrl("urn:uuid:" + composition.getIdElement().getIdPart()).setResource(composition);
        bundle.addEntry().setFullUrl(patientUrl).setResource(withId(patient, patientUrl));
        bundle.addEntry().setFullUrl(organizationUrl).setResource(organization);
        for (int i = 0; i < copies.size(); i++) {
            bundle.addEntry().setFullUrl(urls.get(i)).setResource(copies.get(i));
        }
        return bundle;
    }

    /**
     * The time the overview covers: the earliest and latest recorded, granted or performed time
     * in it (the XDS serviceStart/StopTime too), else when its data was current.
     */
    public static Instant[] period(List<Resource> resources, Instant fallback) {
        List<Date> dates = new ArrayList<>();
        for (Resource resource : resources) {
            if (resource instanceof Condition condition && condition.hasRecordedDate()) {
                dates.add(condition.getRecordedDate());
            } else if (resource instanceof org.hl7.fhir.r4.model.CarePlan plan && plan.getPeriod().hasStart()) {
                dates.add(plan.getPeriod().getStart());
            } else if (resource instanceof org.hl7.fhir.r4.model.Procedure procedure
                    && procedure.hasPerformedDateTimeType()) {
                dates.add(procedure.getPerformedDateTimeType().getValue());
            }
        }
        Instant start = dates.stream().map(Date::toInstant).min(Instant::compareTo).orElse(fallback);
        Instant stop = dates.stream().map(Date::toInstant).max(Instant::compareTo).orElse(fallback);
        return new Instant[] {start, stop};
    }

    // The gateway sends the CPR number only; birth date and legal sex follow from it (its last
    // digit: odd for men, even for women), as in every Danish record.
    private static void demographicsFromCpr(Patient patient) {
        String value = patient.getIdentifierFirstRep().getValue();
        if (!dk.eojxds.model.Cpr.isValid(value)) {
            return;
        }
        dk.eojxds.model.Cpr cpr = dk.eojxds.model.Cpr.of(value);
        // a date, not an instant: no time zone may move it to the day before
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(cpr.birthDate().toString()));
        patient.setGender((value.charAt(9) - '0') % 2 == 1 ? org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.MALE
                : org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
    }

    // The gateway sends no name or address; they come from the CPR register, as in the CDA documents,
    // and a protected person's are never written (published() has replaced them).
    private static void nameAndAddress(Patient patient, CitizenDemographics person) {
        patient.getName().clear();
        org.hl7.fhir.r4.model.HumanName name = patient.addName().setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL)
                .setFamily(person.family());
        person.given().forEach(name::addGiven);
        patient.getAddress().clear();
        if (person.address() != null) {
            org.hl7.fhir.r4.model.Address address = patient.addAddress()
                    .setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME)
                    .setPostalCode(person.address().postalCode()).setCity(person.address().city());
            person.address().lines().forEach(address::addLine);
        }
    }

    public byte[] encode(Bundle bundle) {
        return fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8);
    }

    /** Home care or home nursing, by what the overview holds. */
    Category dominantCare(List<Resource> resources) {
        int homeCare = 0;
        int nursing = 0;
        for (Resource resource : resources) {
            if (resource instanceof Condition condition) {
                Category category = narrative.category(condition.getCode());
                homeCare += category == Category.HOME_CARE_CONDITION ? 1 : 0;
                nursing += category == Category.NURSING_CONDITION ? 1 : 0;
            } else if (resource instanceof Goal) {
                homeCare++;
            }
        }
        return nursing > homeCare ? Category.NURSING_CONDITION : Category.HOME_CARE_CONDITION;
    }


    private static String fullUrl(String type, String id) {
        return "urn:uuid:" + DeterministicIds.uuid("fsiii-entry", type, id);
    }

    private static Resource withId(Resource resource, String fullUrl) {
        resource.setId(fullUrl.substring("urn:uuid:".length()));
        return resource;
    }
}
