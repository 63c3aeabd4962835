-- When ingest received the newest resource a document was built from (null for documents stored
-- before this column): the status page's freshness, from received to registered, per
-- municipality and family.
ALTER TABLE repository.document ADD COLUMN source_received_at timestamptz;
