package dk.eojxds.ingest.push;

import ca.uhn.fhir.context.FhirContext;
import dk.eojxds.edge.BoundedBody;
import dk.eojxds.ingest.validation.RejectedResource;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives FSIII pushed by the gateway: {@code POST /fhir/push/care-incremental-delivery} with a
 * CareIncrementalDelivery bundle. Answers a FHIR OperationOutcome: 200 when every report was
 * stored; 422 with an error issue per report that was not stored (quarantined: the other reports
 * of the delivery are stored all the same, and the outcome says how many), so that a sender
 * checking for errors sees them; 400 when the payload is no delivery at all, 413 when it is larger
 * than {@code eojxds.push.max-request-bytes} (read no further than that). Resources withheld as
 * outside the data scope are counted in the information issue; they are no error of the sender's. Only the
 * gateway may push (a token with the push scope, or its client certificate: see {@code EntryPoints}).
 */
@RestController
class PushController {

    private static final Logger log = LoggerFactory.getLogger(PushController.class);
    private static final String FHIR_JSON = "application/fhir+json";

    private final PushedReports reports;
    private final FhirContext fhir;
    private final long maxBytes;

    PushController(PushedReports reports, FhirContext fhir, PushProperties properties) {
        this.reports = reports;
        this.fhir = fhir;
        this.maxBytes = properties.maxRequestBytes();
    }

    @PostMapping(path = "/fhir/push/care-incremental-delivery",
            consumes = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE}, produces = FHIR_JSON)
    ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        OperationOutcome outcome = new OperationOutcome();
        String body;
        try {
            body = new String(BoundedBody.read(request, maxBytes), StandardCharsets.UTF_8);
        } catch (BoundedBody.TooLarge e) {
            return tooLarge(outcome);
        }
        try {
            PushedReports.Result result = reports.accept(body);
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                    .setDiagnostics(result.reports() + " reports received, " + result.stored()
                            + " resources stored or updated, " + result.quarantined().size()
                            + " reports not stored (quarantined), " + result.withheld()
                            + " resources withheld as outside this repository's data scope");
            for (RejectedResource rejected : result.quarantined()) {
                outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                        .setCode(OperationOutcome.IssueType.BUSINESSRULE)
                        .setDiagnostics("report " + rejected.resourceId() + " not stored (quarantined): "
                                + String.join("; ", rejected.reasons()));
            }
            HttpStatus status = result.quarantined().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY;
            return ResponseEntity.status(status).contentType(MediaType.parseMediaType(FHIR_JSON)).body(encode(outcome));
        } catch (IllegalArgumentException e) {
            log.warn("Rejected a push: {}", e.getMessage());
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.STRUCTURE).setDiagnostics(e.getMessage());
            return ResponseEntity.badRequest().contentType(MediaType.parseMediaType(FHIR_JSON)).body(encode(outcome));
        }
    }

    private ResponseEntity<String> tooLarge(OperationOutcome outcome) {
        log.warn("Refused a push larger than {} bytes", maxBytes);
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.TOOCOSTLY)
                .setDiagnostics("the delivery is larger than " + maxBytes + " bytes");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.parseMediaType(FHIR_JSON))
                .body(encode(outcome));
    }

    private String encode(OperationOutcome outcome) {
        return fhir.newJsonParser().encodeResourceToString(outcome);
    }
}
