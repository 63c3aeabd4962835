package dk.eojxds.registry.register;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operator's step after a restore (docs/operations.md, "Restore"):
 * {@code POST /admin/reconciliation?since=<the restore point>} queues every citizen with registry
 * work since then for {@link RegistryReconciliation}; {@code GET /admin/reconciliation} shows the
 * progress. Errors are problem details.
 */
@RestController
@RequestMapping("/admin/reconciliation")
class ReconciliationAdminController {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationAdminController.class);

    private final RegistryReconciliation reconciliation;
    private final SeriesInRegistry series;

    ReconciliationAdminController(RegistryReconciliation reconciliation, SeriesInRegistry series) {
        this.reconciliation = reconciliation;
        this.series = series;
    }

    @PostMapping
    Map<String, Object> queue(@RequestParam Instant since, Principal operator) {
        if (!series.canAsk()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Reconciliation asks the registry (ITI-18): set eojxds.registry.iti18-url first");
        }
        if (since.isAfter(Instant.now())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "since lies in the future");
        }
        int queued = reconciliation.queueSince(since);
        log.info("Reconciliation with the registry of {} citizens with registry work or data since {}, queued by {}", queued,
                since, operator.getName());
        return Map.of("since", since.toString(), "queued", queued);
    }

    @GetMapping
    RegistryReconciliation.Progress progress() {
        return reconciliation.progress();
    }
}
