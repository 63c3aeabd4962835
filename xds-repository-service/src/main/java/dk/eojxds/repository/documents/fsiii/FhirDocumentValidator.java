package dk.eojxds.repository.documents.fsiii;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import dk.eojxds.handover.WorkerThreads;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * HAPI's instance validation of an FSIII document against the R4 base profiles (Bundle document
 * rules, Composition, every resource). A document with errors is not stored; the reasons become
 * the build failure.
 *
 * <p>One validation at a time. HAPI documents its validator as thread-safe, but its worker context
 * fills its lists of structure definitions lazily, and a second validation that builds its
 * FHIRPath engine or InstanceValidator meanwhile iterates the list being filled: a
 * {@code ConcurrentModificationException}, which HAPI reports as {@code ConfigurationException:
 * HAPI-0648: null} when it happens in the InstanceValidator's constructor (issue 29, reproduced by
 * {@code ConcurrentFhirValidationTest}; HAPI's issues 6554 and 8034 are further races of the same
 * kind). Production validates one FSIII document in {@code full-validation-every} (100) as a
 * tripwire, so the build workers hardly ever wait here; with {@code full-validation-every=1} every
 * FSIII validation runs on one core at a time.
 */
@Component
public class FhirDocumentValidator {

    private final FhirValidator validator;
    private final java.util.concurrent.locks.ReentrantLock oneAtATime = new java.util.concurrent.locks.ReentrantLock();

    public FhirDocumentValidator(FhirContext fhir) {
        ValidationSupportChain support = new ValidationSupportChain(fhir.getValidationSupport(),
                new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
        // codes from Danish systems (urn:oid:...) cannot be checked here; unknown systems are no error
        instanceValidator.setNoTerminologyChecks(true);
        this.validator = fhir.newValidator().registerValidatorModule(instanceValidator);
    }

    /**
     * HAPI loads and snapshots the R4 structure definitions at its first validation (seconds of
     * CPU): done in the background at start, so that no document build waits for it.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmUp() {
        WorkerThreads.start("fhir-validator-warm-up", this::warmUpNow);
    }

    /** Loads what HAPI's first validation needs, in this thread. */
    void warmUpNow() {
        Bundle empty = new Bundle();
        empty.setType(Bundle.BundleType.COLLECTION);
        errors(empty);
    }

    /** Error messages; empty when the document is valid. */
    public List<String> errors(Bundle document) {
        ValidationResult result;
        oneAtATime.lock();
        try {
            result = validator.validateWithResult(document);
        } finally {
            oneAtATime.unlock();
        }
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }
}
