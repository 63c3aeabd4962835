-- A document whose data was withdrawn (entered-in-error) is WITHDRAWN here and deprecated in the
-- registry (ITI-57). Published interface for registry-adapter: repository.deprecation_outbox,
-- claimed with FOR UPDATE SKIP LOCKED and deleted when the registry has deprecated the document.
ALTER TABLE repository.document DROP CONSTRAINT document_status_check;
ALTER TABLE repository.document ADD CONSTRAINT document_status_check
    CHECK (status IN ('CURRENT', 'REPLACED', 'WITHDRAWN'));

CREATE TABLE repository.deprecation_outbox (
    document_unique_id text        PRIMARY KEY REFERENCES repository.document (unique_id),
    reason             text        NOT NULL,
    enqueued_at        timestamptz NOT NULL DEFAULT now()
);
