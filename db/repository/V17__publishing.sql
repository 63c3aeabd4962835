-- Publishing per municipality and family, decided by operators (docs/operations.md, "Taking a
-- municipality live"). A document's municipality is the one whose SOR code (repository.municipality)
-- authored it.
--   PENDING    built as usual, nothing registered (no row here means PENDING: a fresh installation
--              publishes nothing)
--   LIVE       registered as built
--   PAUSED     nothing new registered; what the registry has stays
--   WITHDRAWN  everything of it the registry shows is deprecated (ITI-57); nothing new registered
CREATE TABLE repository.publication (
    municipality_code smallint    NOT NULL REFERENCES repository.municipality (code),
    family            text        NOT NULL CHECK (family IN ('TELMA', 'KPRO', 'FSIII')),
    state             text        NOT NULL CHECK (state IN ('PENDING', 'LIVE', 'PAUSED', 'WITHDRAWN')),
    changed_at        timestamptz NOT NULL,
    changed_by        text        NOT NULL,
    reason            text        NOT NULL,
    PRIMARY KEY (municipality_code, family)
);

-- Every change of state, with who made it and why. The service may add rows, never change them.
CREATE TABLE repository.publication_history (
    id                bigserial   PRIMARY KEY,
    municipality_code smallint    NOT NULL,
    family            text        NOT NULL,
    old_state         text        NOT NULL,
    new_state         text        NOT NULL,
    changed_at        timestamptz NOT NULL DEFAULT now(),
    changed_by        text        NOT NULL,
    reason            text        NOT NULL
);
CREATE INDEX publication_history_by_municipality ON repository.publication_history (municipality_code, family, id);

-- Series whose latest state the registry does not show because their municipality is not live (or
-- their author's SOR code maps to no municipality): what going live publishes. author_sor is the
-- author of the series' newest document, which decides whose state holds it.
CREATE TABLE repository.held_series (
    family        text        NOT NULL,
    citizen_cpr   char(10)    NOT NULL,
    partition_key text        NOT NULL,
    author_sor    text        NOT NULL,
    held_since    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (family, citizen_cpr, partition_key)
);
CREATE INDEX held_series_by_author ON repository.held_series (author_sor, family);

-- What an outbox item replaces at the registry (RPLC) is decided when it is queued: the version the
-- registry shows, which is the document's predecessor in our database unless the predecessor was
-- never registered (held while its municipality was not live) or was deprecated there.
ALTER TABLE repository.registration_outbox ADD COLUMN replaces_unique_id text;
UPDATE repository.registration_outbox o SET replaces_unique_id = d.replaces_unique_id
FROM repository.document d WHERE d.unique_id = o.document_unique_id;

-- the series of a document, for the registry's current version of a series
CREATE INDEX document_by_series ON repository.document (family, citizen_cpr, partition_key, stored_at);

GRANT SELECT, INSERT, UPDATE ON repository.publication TO ${repositoryRole};
GRANT SELECT, INSERT ON repository.publication_history TO ${repositoryRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON repository.held_series TO ${repositoryRole};
GRANT USAGE, SELECT ON SEQUENCE repository.publication_history_id_seq TO ${repositoryRole};
