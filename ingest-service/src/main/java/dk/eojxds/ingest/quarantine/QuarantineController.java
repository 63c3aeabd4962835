package dk.eojxds.ingest.quarantine;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API for quarantined input (OpenAPI at {@code /v3/api-docs}). Errors are RFC 9457 problem
 * details. Operators only (see {@code EntryPoints}); who re-processed or discarded an item is the
 * authenticated caller, recorded with the decision.
 */
@RestController
@RequestMapping("/admin/quarantine")
@Tag(name = "quarantine", description = "Input that failed validation, kept with every reason")
@Validated
class QuarantineController {

    private static final Logger log = LoggerFactory.getLogger(QuarantineController.class);

    private final QuarantineService service;

    QuarantineController(QuarantineService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "List quarantined items, oldest first, without payloads (page with afterId)")
    List<QuarantineItem> list(@RequestParam(required = false) String state,
                              @RequestParam(required = false) String feed,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                              @RequestParam(defaultValue = "0") long afterId) {
        return service.list(state, feed, limit, afterId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One quarantined item with its raw payload")
    QuarantineItem show(@PathVariable long id) {
        return service.show(id);
    }

    /** Why (required to discard). Who decides is the authenticated caller, never a field of the request. */
    record Decision(String reason) {
    }

    @PostMapping("/{id}/reprocess")
    @Operation(summary = "Validate the payload again and store it if it passes now (e.g. after a code-system update)")
    ResponseEntity<?> reprocess(@PathVariable long id, @RequestBody(required = false) @Valid Decision decision,
                                Principal operator) {
        List<String> reasons = service.reprocess(id, operator.getName());
        if (reasons.isEmpty()) {
            log.info("Quarantined item {} re-processed by {} and stored", id, operator.getName());
            return ResponseEntity.ok(Map.of("id", id, "state", "REPROCESSED"));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "The payload still fails validation");
        problem.setTitle("Still invalid");
        problem.setType(URI.create("urn:eojxds:problem:still-invalid"));
        problem.setProperty("reasons", reasons);
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @PostMapping("/{id}/discard")
    @Operation(summary = "Discard the item for good; who and why are recorded")
    Map<String, Object> discard(@PathVariable long id, @RequestBody @Valid Decision decision, Principal operator) {
        if (decision.reason() == null || decision.reason().isBlank()) {
            throw new IllegalArgumentException("a reason is required to discard");
        }
        service.discard(id, operator.getName(), decision.reason());
        log.info("Quarantined item {} discarded by {}", id, operator.getName());
        return Map.of("id", id, "state", "DISCARDED");
    }

    @ExceptionHandler(QuarantineService.QuarantineItemNotFoundException.class)
    ProblemDetail notFound(RuntimeException e) {
        log.warn(e.getMessage());
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(QuarantineService.QuarantineItemResolvedException.class)
    ProblemDetail resolved(RuntimeException e) {
        log.warn(e.getMessage());
        return problem(HttpStatus.CONFLICT, "Already resolved", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        log.warn(e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
