package dk.eojxds.repository.documents.fsiii;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
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
 */
@Component
public class FhirDocumentValidator {

    private final FhirValidator validator;

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
        Thread warmUp = new Thread(() -> {
            Bundle empty = new Bundle();
            empty.setType(Bundle.BundleType.COLLECTION);
            errors(empty);
        }, "fhir-validator-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Error messages; empty when the document is valid. */
    public List<String> errors(Bundle document) {
        ValidationResult result = validator.validateWithResult(document);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }
}
