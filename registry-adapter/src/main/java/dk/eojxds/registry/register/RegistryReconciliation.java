package dk.eojxds.registry.register;

import dk.eojxds.handover.DeprecationOutbox;
import dk.eojxds.model.Cpr;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a restore, the registry may still show Approved documents of this repository that the
 * restored database does not call current: versions registered after the restore point that the
 * rebuild from the gateway's window skipped (a new series' first versions, say), and versions the
 * restored database holds as replaced or withdrawn while the registry kept them Approved (a rebuilt
 * replacement answered as a duplicate of what the lost database had registered with another
 * predecessor). Next to the current version they would make a series show two current documents;
 * so, citizen by citizen as an operator queues them ({@code POST /admin/reconciliation}), each such
 * document is deprecated (ITI-57). Only documents of this repository (its repositoryUniqueId) are
 * touched, and a citizen is taken only when none of its own registrations or deprecations is still
 * queued (a replaced version waiting for its replacement's registration is left alone).
 */
@Component
class RegistryReconciliation {

    private static final Logger log = LoggerFactory.getLogger(RegistryReconciliation.class);
    static final String REASON = "Ikke i repository efter gendannelse";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RegistryClient registry;
    private final DeprecationFactory deprecations;
    private final RegistryAnswers answers;
    private final SeriesInRegistry series;

    RegistryReconciliation(JdbcClient jdbc, TransactionTemplate transactions, RegistryClient registry,
                           DeprecationFactory deprecations, RegistryAnswers answers, SeriesInRegistry series) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.registry = registry;
        this.deprecations = deprecations;
        this.answers = answers;
        this.series = series;
    }

    // scheduled by RegistrySchedule
    void sweep() {
        if (!series.canAsk()) {
            return;
        }
        try {
            // one citizen per transaction: its row stays locked (SKIP LOCKED) while it is worked
            boolean more = true;
            while (more && !Thread.currentThread().isInterrupted()) {
                more = Boolean.TRUE.equals(transactions.execute(status -> reconcileNext()));
            }
        } catch (RuntimeException e) {
            log.error("Reconciling with the registry failed; the citizens stay queued", e);
        }
    }

    private boolean reconcileNext() {
        List<String> next = jdbc.sql("""
                SELECT citizen_cpr FROM registry.reconciliation WHERE done_at IS NULL AND next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""").query(String.class).list();
        if (next.isEmpty()) {
            return false;
        }
        String citizen = next.get(0);
        if (ownWorkQueued(citizen)) {
            jdbc.sql("UPDATE registry.reconciliation SET next_attempt_at = now() + interval '10 seconds' "
                    + "WHERE citizen_cpr = ?").param(citizen).update();
            return true;
        }
        try {
            int deprecated = reconcile(Cpr.of(citizen));
            jdbc.sql("UPDATE registry.reconciliation SET done_at = now(), deprecated = ?, last_error = NULL "
                    + "WHERE citizen_cpr = ?").param(deprecated).param(citizen).update();
        } catch (RuntimeException e) {
            log.warn("Reconciling a citizen with the registry failed; will retry: {}", e.toString());
            jdbc.sql("UPDATE registry.reconciliation SET next_attempt_at = now() + interval '1 minute', last_error = ? "
                    + "WHERE citizen_cpr = ?").param(e.getClass().getSimpleName() + ": " + e.getMessage())
                    .param(citizen).update();
        }
        return true;
    }

    private boolean ownWorkQueued(String citizen) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM repository.registration_outbox WHERE citizen_cpr = ?)
                    OR EXISTS (SELECT 1 FROM repository.deprecation_outbox o
                               JOIN repository.document_metadata d ON d.unique_id = o.document_unique_id
                               WHERE d.citizen_cpr = ?)""").param(citizen).param(citizen).query(Boolean.class).single();
    }

    /** Deprecates the citizen's Approved documents of this repository that our database does not call current. */
    int reconcile(Cpr citizen) {
        List<String[]> ours = jdbc.sql("SELECT DISTINCT repository_unique_id, home_community_id "
                        + "FROM repository.document_metadata WHERE citizen_cpr = ?").param(citizen.value())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        if (ours.isEmpty()) {
            return 0;
        }
        Set<String> repositories = ours.stream().map(r -> r[0]).collect(Collectors.toSet());
        Set<String> current = Set.copyOf(jdbc.sql("SELECT unique_id FROM repository.document_metadata "
                + "WHERE citizen_cpr = ? AND status = 'CURRENT'").param(citizen.value()).query(String.class).list());
        int deprecated = 0;
        for (DocumentEntry entry : approved(citizen)) {
            if (!repositories.contains(entry.getRepositoryUniqueId()) || current.contains(entry.getUniqueId())) {
                continue;
            }
            Response response = registry.update(deprecations.request(new DeprecationOutbox.PendingDeprecation(
                    entry.getUniqueId(), entry.getEntryUuid(), citizen, ours.get(0)[1], REASON, 0)));
            if (answers.judge(response, ErrorCode.REGISTRY_DEPRECATED_DOCUMENT_ERROR) != RegistryAnswers.Verdict.DONE) {
                throw new IllegalStateException("the registry would not deprecate " + entry.getUniqueId() + ": "
                        + RegistryAnswers.describe(response));
            }
            log.info("Deprecated {}: Approved in the registry, not current in this repository (a restore)",
                    entry.getUniqueId());
            deprecated++;
        }
        return deprecated;
    }

    private List<DocumentEntry> approved(Cpr citizen) {
        FindDocumentsQuery query = new FindDocumentsQuery();
        query.setPatientId(new Identifiable(citizen.value(), new AssigningAuthority(Cpr.OID)));
        query.setStatus(List.of(AvailabilityStatus.APPROVED));
        QueryResponse answer = registry.query(new QueryRegistry(query, QueryReturnType.LEAF_CLASS));
        if (answer.getStatus() != Status.SUCCESS) {
            throw new SeriesInRegistry.RegistryQueryException("FindDocuments: " + answer.getStatus() + " "
                    + answer.getErrors().stream().map(e -> e.getCodeContext()).toList());
        }
        return answer.getDocumentEntries();
    }

    /**
     * Queues every citizen with registry work recorded since {@code since} (the restore point), and
     * every citizen whose data came in again since then (ingest.change), also when it built nothing
     * new; answers how many.
     */
    int queueSince(java.time.Instant since) {
        return jdbc.sql("""
                INSERT INTO registry.reconciliation (citizen_cpr)
                SELECT DISTINCT d.citizen_cpr FROM repository.document_metadata d
                WHERE d.unique_id IN (SELECT document_unique_id FROM registry.registration WHERE registered_at >= ?
                                      UNION SELECT document_unique_id FROM registry.deprecation WHERE deprecated_at >= ?)
                -- and every citizen whose data came in again, also when it built nothing new (ingest V12)
                UNION SELECT c.citizen_cpr FROM ingest.change c WHERE c.changed_at >= ?
                ON CONFLICT (citizen_cpr) DO UPDATE SET requested_at = now(), next_attempt_at = now(), done_at = NULL,
                    deprecated = 0, last_error = NULL""")
                .param(java.sql.Timestamp.from(since)).param(java.sql.Timestamp.from(since))
                .param(java.sql.Timestamp.from(since)).update();
    }

    Progress progress() {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE done_at IS NULL) AS pending, count(*) FILTER (WHERE done_at IS NOT NULL) AS done,
                       coalesce(sum(deprecated), 0) AS deprecated, count(*) FILTER (WHERE last_error IS NOT NULL) AS failing
                FROM registry.reconciliation""")
                .query((rs, n) -> new Progress(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    /** Citizens still to check, checked, documents deprecated, and citizens whose last attempt failed. */
    record Progress(long pending, long done, long deprecated, long failing) {
    }
}
