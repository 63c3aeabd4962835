package dk.eojxds.repository.publishing;

import dk.eojxds.model.DataFamily;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' publishing switch ({@code /admin/publishing}, operators only): every municipality's
 * state per family with who set it, when and why, and what waits because of it; the history of
 * changes; and a change of state for a list of municipalities (a wave) in one request and one
 * transaction, always with a reason. Errors are problem details: 400 for a request that names
 * what does not exist, 409 for a change the states do not allow (nothing of the request is applied).
 */
@RestController
@RequestMapping("/admin/publishing")
class PublishingAdminController {

    private static final Logger log = LoggerFactory.getLogger(PublishingAdminController.class);
    static final int MOST_MUNICIPALITIES = 200;
    static final int LONGEST_REASON = 1000;

    private final PublishingChanges changes;
    private final PublishingOverview overview;
    private final Publications publications;

    PublishingAdminController(PublishingChanges changes, PublishingOverview overview, Publications publications) {
        this.changes = changes;
        this.overview = overview;
        this.publications = publications;
    }

    @GetMapping
    PublishingOverview.Overview states() {
        return overview.now();
    }

    @GetMapping("/history")
    List<Publications.HistoryEntry> history(@RequestParam(required = false) Integer municipality,
                                            @RequestParam(defaultValue = "500") int limit) {
        return publications.history(municipality, Math.max(1, Math.min(limit, 10_000)));
    }

    /** A change of state: {@code families} empty or missing means all three. */
    record ChangeRequest(List<Integer> municipalities, List<String> families, String state, String reason) {
    }

    @PostMapping
    Map<String, Object> change(@RequestBody ChangeRequest request, Principal operator) {
        List<PublishingChanges.Outcome> outcomes = changes.change(validated(request), operator.getName());
        return Map.of("changed", outcomes.stream().filter(o -> o.from() != o.to()).count(), "outcomes", outcomes);
    }

    private static PublishingChanges.Request validated(ChangeRequest request) {
        if (request.municipalities() == null || request.municipalities().isEmpty()
                || request.municipalities().size() > MOST_MUNICIPALITIES
                || request.municipalities().stream().anyMatch(code -> code == null)) {
            throw new PublishingChanges.Refused("municipalities: a list of 1 to " + MOST_MUNICIPALITIES
                    + " municipality codes", false);
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > LONGEST_REASON) {
            throw new PublishingChanges.Refused("reason: why, in at most " + LONGEST_REASON + " characters", false);
        }
        PublishingState state = Arrays.stream(PublishingState.values()).filter(s -> s.name().equals(request.state()))
                .filter(s -> s != PublishingState.PENDING).findFirst()
                .orElseThrow(() -> new PublishingChanges.Refused("state: LIVE, PAUSED or WITHDRAWN", false));
        List<String> all = Arrays.stream(DataFamily.values()).map(Enum::name).toList();
        List<String> families = request.families() == null || request.families().isEmpty() ? all
                : request.families().stream().distinct().toList();
        if (!all.containsAll(families)) {
            throw new PublishingChanges.Refused("families: some of " + all, false);
        }
        return new PublishingChanges.Request(request.municipalities(), families, state, request.reason().strip());
    }

    @ExceptionHandler(PublishingChanges.Refused.class)
    ResponseEntity<ProblemDetail> refused(PublishingChanges.Refused e) {
        HttpStatus status = e.conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        log.warn("Publishing change refused ({}): {}", status.value(), e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(e.conflict ? "Change of publishing state not allowed" : "Invalid publishing request");
        return ResponseEntity.status(status).body(problem);
    }
}
