-- Every ITI-43 retrieve, allowed or refused: one row per requested document (a refused request,
-- whose documents were never looked at, has one row without a document). Append-only: updates,
-- deletes and truncation are refused by triggers. The statistics are computed from this table.
CREATE TABLE repository.retrieve_audit (
    id                       bigserial   PRIMARY KEY,
    at                       timestamptz NOT NULL DEFAULT now(),
    request_id               uuid        NOT NULL,
    outcome                  text        NOT NULL CHECK (outcome IN ('RETRIEVED', 'NOT_FOUND', 'ERROR', 'REFUSED')),
    reason                   text,
    caller_verified          boolean     NOT NULL,
    caller_system            text,
    caller_organisation_id   text,
    caller_organisation_name text,
    card_type                text,
    user_role                text,
    user_organisation_sor    text,
    user_type                text,
    security_level           int,
    remote_address           text,
    document_unique_id       text,
    family                   text,
    citizen_cpr              char(10),
    data_municipality_sor    text
);

CREATE INDEX retrieve_audit_by_time ON repository.retrieve_audit (at);

CREATE FUNCTION repository.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'repository.retrieve_audit is append-only';
END
$$;

CREATE TRIGGER retrieve_audit_append_only BEFORE UPDATE OR DELETE ON repository.retrieve_audit
    FOR EACH ROW EXECUTE FUNCTION repository.refuse_audit_change();
CREATE TRIGGER retrieve_audit_no_truncate BEFORE TRUNCATE ON repository.retrieve_audit
    FOR EACH STATEMENT EXECUTE FUNCTION repository.refuse_audit_change();
