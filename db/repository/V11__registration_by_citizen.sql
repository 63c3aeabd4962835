-- Backlog is registered citizen by citizen, so that one ITI-42 submission set carries several of a
-- citizen's documents (IHE: one patient per submission set); live documents stay in arrival order.
ALTER TABLE repository.registration_outbox ADD COLUMN citizen_cpr char(10);
UPDATE repository.registration_outbox o SET citizen_cpr = d.citizen_cpr
FROM repository.document d WHERE d.unique_id = o.document_unique_id;
ALTER TABLE repository.registration_outbox ALTER COLUMN citizen_cpr SET NOT NULL;

DROP INDEX repository.registration_outbox_due;
CREATE INDEX registration_outbox_due ON repository.registration_outbox
    (priority, (CASE WHEN priority = 0 THEN '' ELSE citizen_cpr END), enqueued_at);
