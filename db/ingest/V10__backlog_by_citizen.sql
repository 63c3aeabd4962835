-- Backlog is built citizen by citizen (live stays oldest first): a citizen's documents are then
-- registered together, several per ITI-42 submission set.
DROP INDEX ingest.change_pending;
CREATE INDEX change_pending ON ingest.change
    (priority, (CASE WHEN priority = 0 THEN '' ELSE citizen_cpr END), changed_at) WHERE processed_at IS NULL;
