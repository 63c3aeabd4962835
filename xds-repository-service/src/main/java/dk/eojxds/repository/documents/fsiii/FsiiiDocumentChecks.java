package dk.eojxds.repository.documents.fsiii;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * The checks every FSIII document passes before it is stored, for what can break from one document
 * to the next: the document Bundle's required parts (bdl-9 identifier, bdl-10 timestamp, bdl-11
 * Composition first), the Composition's required elements, unique full URLs (bdl-7), and the
 * Composition's references resolving inside the Bundle (a document is read without a server). The rest is fixed
 * by the builder and proven by HAPI's full instance validation in the tests (the golden file and
 * every combination of its resources); in production HAPI validates one document in
 * {@code full-validation-every} as a tripwire (1: every document), since it costs several times
 * building the document.
 */
@Component
class FsiiiDocumentChecks {

    private final FhirContext fhir;
    private final FhirDocumentValidator validator;
    private final long fullValidationEvery;
    private final AtomicLong built = new AtomicLong();

    FsiiiDocumentChecks(FhirContext fhir, FhirDocumentValidator validator, dk.eojxds.repository.RepositoryProperties properties) {
        this.fhir = fhir;
        this.validator = validator;
        this.fullValidationEvery = properties.fsiiiRules().fullValidationEvery();
    }

    /** What is wrong with the document; empty when it may be stored. */
    List<String> problems(Bundle document) {
        List<String> problems = structure(document);
        if (problems.isEmpty() && built.getAndIncrement() % fullValidationEvery == 0) {
            problems = validator.errors(document);
        }
        return problems;
    }

    List<String> structure(Bundle document) {
        List<String> problems = new ArrayList<>();
        if (document.getType() != Bundle.BundleType.DOCUMENT) {
            problems.add("Bundle.type is not document");
        }
        if (!document.getIdentifier().hasSystem() || !document.getIdentifier().hasValue()) {
            problems.add("bdl-9: a document has an identifier with system and value");
        }
        if (!document.hasTimestamp()) {
            problems.add("bdl-10: a document has a timestamp");
        }
        if (document.getEntry().isEmpty() || !(document.getEntryFirstRep().getResource() instanceof Composition composition)) {
            problems.add("bdl-11: a document's first entry is a Composition");
            return problems;
        }
        if (!composition.hasStatus() || !composition.hasType() || !composition.hasSubject() || !composition.hasDate()
                || !composition.hasAuthor() || !composition.hasTitle()) {
            problems.add("Composition: status, type, subject, date, author and title are required (1..1, 1..*)");
        }
        Set<String> fullUrls = new HashSet<>();
        for (Bundle.BundleEntryComponent entry : document.getEntry()) {
            if (!entry.hasFullUrl() || !fullUrls.add(entry.getFullUrl())) {
                problems.add("bdl-7: full URL missing or repeated: " + entry.getFullUrl());
            }
        }
        // the Composition's references, and every urn:uuid reference the builder wrote, resolve inside
        // the document; a source resource's reference to something not shown (a withheld condition) may not
        FhirTerser terser = fhir.newTerser();
        for (Bundle.BundleEntryComponent entry : document.getEntry()) {
            boolean header = entry.getResource() instanceof Composition;
            for (Reference reference : terser.getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class)) {
                String target = reference.getReference();
                if (target != null && !fullUrls.contains(target) && (header || target.startsWith("urn:uuid:"))) {
                    problems.add(entry.getResource().fhirType() + " refers to " + target + ", which is not in the document");
                }
            }
        }
        return problems;
    }
}
