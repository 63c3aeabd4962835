-- Reconciliation with the registry after a restore (docs/operations.md, "Restore"): one row per
-- citizen to check. The registry may hold Approved documents of this repository that the restored
-- database never built (registered after the restore point, in a version the rebuild skipped);
-- nothing can retrieve them, so they are deprecated. An operator queues the citizens
-- (POST /admin/reconciliation); the adapter works them once their own registrations are done.
CREATE TABLE registry.reconciliation (
    citizen_cpr     char(10)    PRIMARY KEY,
    requested_at    timestamptz NOT NULL DEFAULT now(),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    done_at         timestamptz,
    deprecated      int         NOT NULL DEFAULT 0,
    last_error      text
);

CREATE INDEX reconciliation_pending ON registry.reconciliation (next_attempt_at) WHERE done_at IS NULL;

GRANT SELECT, INSERT, UPDATE, DELETE ON registry.reconciliation TO ${registryRole};
