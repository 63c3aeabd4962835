package dk.eojxds.repository.documents;

import dk.eojxds.handover.ChangeQueue;
import dk.eojxds.handover.Priority;
import dk.eojxds.handover.SeriesKey;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operators' view of documents that could not be built, with the reason, the kind
 * ({@link BuildFailureKind}: data, transient with its attempts and next try, waiting for reference
 * data), and a rebuild once the cause is fixed. Errors are problem
 * details. The citizen is shown masked; the rebuild names the series in the request body.
 */
@RestController
@RequestMapping("/admin/build-failures")
class BuildFailureAdminController {

    private static final Logger log = LoggerFactory.getLogger(BuildFailureAdminController.class);

    private final BuildFailures failures;

    private final ChangeQueue changes;

    BuildFailureAdminController(BuildFailures failures, ChangeQueue changes) {
        this.failures = failures;
        this.changes = changes;
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return failures.list();
    }

    /** Which series to rebuild. */
    record Series(String family, String citizenCpr, String partitionKey) {
    }

    @PostMapping("/rebuild")
    @Transactional
    Map<String, Object> rebuild(@RequestBody Series series, Principal operator) {
        SeriesKey key = new SeriesKey(series.family(), series.citizenCpr(), series.partitionKey());
        if (!failures.exists(key)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No build failure for that series");
        }
        // a pending change makes the build job take the series again; an operator waits for it: live
        changes.requeue(List.of(key), Priority.LIVE);
        log.info("Rebuild of a {} series by {}", series.family(), operator.getName());
        return Map.of("state", "QUEUED");
    }
}
