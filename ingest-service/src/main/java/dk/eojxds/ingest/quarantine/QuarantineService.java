package dk.eojxds.ingest.quarantine;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator's work on quarantined input: look, re-process after a fix, or discard with a reason. */
@Service
class QuarantineService {

    private final QuarantineRepository repository;
    private final Reprocessing reprocessing;

    QuarantineService(QuarantineRepository repository, Reprocessing reprocessing, MeterRegistry meters) {
        this.repository = repository;
        this.reprocessing = reprocessing;
        meters.gauge("eojxds.ingest.quarantine.open", repository, QuarantineRepository::countOpen);
    }

    List<QuarantineItem> list(String state, String feed, int limit, long afterId) {
        return repository.list(state, feed, limit, afterId);
    }

    QuarantineItem show(long id) {
        return repository.find(id, true).orElseThrow(() -> new QuarantineItemNotFoundException(id));
    }

    /** @return the reasons it still fails (and stays OPEN), or empty when it was stored */
    @Transactional
    List<String> reprocess(long id, String by) {
        QuarantineItem item = lockOpen(id);
        List<String> reasons = reprocessing.reprocess(item.feed(), item.resourceType(), item.resourceId(),
                item.rawPayload());
        if (reasons.isEmpty()) {
            repository.resolve(id, "REPROCESSED", by, "passed validation when re-processed");
        } else {
            repository.updateReasons(id, reasons);
        }
        return reasons;
    }

    @Transactional
    void discard(long id, String by, String reason) {
        lockOpen(id);
        repository.resolve(id, "DISCARDED", by, reason);
    }

    private QuarantineItem lockOpen(long id) {
        return repository.lockOpen(id).orElseThrow(() -> repository.find(id, false).isPresent()
                ? new QuarantineItemResolvedException(id) : new QuarantineItemNotFoundException(id));
    }

    static class QuarantineItemNotFoundException extends RuntimeException {
        QuarantineItemNotFoundException(long id) {
            super("No quarantined item " + id);
        }
    }

    static class QuarantineItemResolvedException extends RuntimeException {
        QuarantineItemResolvedException(long id) {
            super("Quarantined item " + id + " is already re-processed or discarded");
        }
    }
}
