package dk.eojxds.repository.documents.fsiii;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dk.eojxds.model.Organisation;
import dk.eojxds.model.SorCode;
import dk.eojxds.model.fsiii.FsiiiTerminology;
import dk.eojxds.repository.documents.GoldenDocumentsTest;
import dk.eojxds.repository.documents.telma.TelmaDocumentFactoryTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * What lets production skip HAPI's full validation of most FSIII documents: every shape of the
 * overview the builder makes (each combination of condition, goal, plan and visit) passes HAPI's
 * full instance validation and the structural checks, and the structural checks catch the
 * breakages that can vary from one document to the next.
 */
class FsiiiDocumentChecksTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final FsiiiDocumentBuilder BUILDER = new FsiiiDocumentBuilder(FHIR, FsiiiTerminology.builtIn());
    private static final FhirDocumentValidator HAPI = new FhirDocumentValidator(FHIR);
    private static final FsiiiDocumentChecks CHECKS = new FsiiiDocumentChecks(FHIR, HAPI, TelmaDocumentFactoryTest.PROPERTIES);
    private static final Organisation AERO = new Organisation("Ærø Kommune", SorCode.of("1301000016005"));

    private static Bundle build(List<Resource> resources) {
        return BUILDER.build(GoldenDocumentsTest.citizen(), TelmaDocumentFactoryTest.CITIZEN, resources, AERO,
                Instant.parse("2026-11-20T10:00:00Z"), "9d8c7b6a-5f4e-4d3c-8b2a-19f8e7d6c5b4");
    }

    @Test
    void everyShapeOfTheOverviewIsAValidFhirDocumentAndPassesTheChecks() {
        List<Resource> all = GoldenDocumentsTest.fsiiiResources();
        for (int mask = 1; mask < 1 << all.size(); mask++) {
            List<Resource> some = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    some.add(all.get(i));
                }
            }
            Bundle document = build(some);
            assertThat(HAPI.errors(document)).as("HAPI, resources %s", mask).isEmpty();
            assertThat(CHECKS.structure(document)).as("checks, resources %s", mask).isEmpty();
        }
    }

    @Test
    void aSectionEntryOutsideTheDocumentIsCaught() {
        Bundle document = build(GoldenDocumentsTest.fsiiiResources());
        ((Composition) document.getEntryFirstRep().getResource()).getSectionFirstRep()
                .addEntry(new Reference("urn:uuid:00000000-0000-4000-8000-000000000000"));
        assertThat(CHECKS.structure(document)).singleElement().asString().contains("not in the document");
    }

    @Test
    void aRepeatedFullUrlAMissingIdentifierOrACompositionNotFirstAreCaught() {
        Bundle repeated = build(GoldenDocumentsTest.fsiiiResources());
        repeated.getEntry().get(2).setFullUrl(repeated.getEntry().get(1).getFullUrl());
        assertThat(CHECKS.structure(repeated)).anyMatch(p -> p.startsWith("bdl-7"));

        Bundle anonymous = build(GoldenDocumentsTest.fsiiiResources());
        anonymous.getIdentifier().setValue(null);
        assertThat(CHECKS.structure(anonymous)).anyMatch(p -> p.startsWith("bdl-9"));

        Bundle reordered = build(GoldenDocumentsTest.fsiiiResources());
        reordered.getEntry().add(reordered.getEntry().remove(0));
        assertThat(CHECKS.structure(reordered)).anyMatch(p -> p.startsWith("bdl-11"));
    }

    @Test
    void hapiRunsOnEveryDocumentWhenConfiguredSo() {
        Bundle document = build(GoldenDocumentsTest.fsiiiResources());
        ((Composition) document.getEntryFirstRep().getResource()).setStatus(null);
        // a structural failure is reported without HAPI; with it fixed, full validation still runs (every = 1)
        assertThat(CHECKS.problems(document)).anyMatch(p -> p.startsWith("Composition"));
        Bundle onlyHapiSees = build(GoldenDocumentsTest.fsiiiResources());
        // Condition.subject is 1..1: only HAPI's full validation knows
        onlyHapiSees.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof org.hl7.fhir.r4.model.Condition).findFirst()
                .ifPresent(r -> ((org.hl7.fhir.r4.model.Condition) r).setSubject(null));
        assertThat(CHECKS.structure(onlyHapiSees)).isEmpty();
        assertThat(CHECKS.problems(onlyHapiSees)).isNotEmpty();
    }
}
