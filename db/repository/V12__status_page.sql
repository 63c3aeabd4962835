-- The operators' status page and the programme's figures.

-- Documents per municipality (the author organisation) and family over the last day and week.
CREATE INDEX document_by_municipality ON repository.document (author_sor, family, stored_at);

-- Reference data an operator loads (POST /admin/reference/municipalities): the country's
-- municipalities by municipality code, with the SOR code their data names them by. The SOR
-- code may be missing until the operator has looked it up; such a municipality is listed but
-- cannot be matched to data.
CREATE TABLE repository.municipality (
    code      smallint PRIMARY KEY CHECK (code BETWEEN 100 AND 999),
    name      text     NOT NULL,
    region    text,
    sor_code  text     UNIQUE,
    loaded_at timestamptz NOT NULL DEFAULT now()
);

-- The retrieve audit rolled up by month (Europe/Copenhagen), so that the programme's figures
-- stay quick at tens of millions of audit rows. The rows of one request share their "at" (one
-- statement), so rolling up by time never splits a request. Rows newer than rolled_until are
-- counted live from the audit itself; together the two give exactly what the audit says.
CREATE TABLE repository.usage_rollup (
    only_row     boolean     PRIMARY KEY DEFAULT true CHECK (only_row),
    rolled_until timestamptz NOT NULL
);
INSERT INTO repository.usage_rollup (rolled_until) VALUES ('-infinity');

-- look-ups (distinct requests that retrieved something) per month and municipality of the data
CREATE TABLE repository.usage_municipality_month (
    month            date   NOT NULL,
    municipality_sor text   NOT NULL,
    lookups          bigint NOT NULL,
    PRIMARY KEY (month, municipality_sor)
);

-- the citizens whose data was read, per month: by anyone, per family; and by the citizen (or a
-- relative acting for them: HSUID user type nsi:Citizen) across the families, family '*'. A set,
-- with its size per month kept beside it so that the page never counts the set.
CREATE TABLE repository.usage_citizen_month (
    month       date     NOT NULL,
    viewer      text     NOT NULL CHECK (viewer IN ('ANYONE', 'CITIZEN')),
    family      text     NOT NULL,
    citizen_cpr char(10) NOT NULL,
    PRIMARY KEY (month, viewer, family, citizen_cpr)
);

CREATE TABLE repository.usage_citizen_count (
    month    date   NOT NULL,
    viewer   text   NOT NULL,
    family   text   NOT NULL,
    citizens bigint NOT NULL,
    PRIMARY KEY (month, viewer, family)
);

-- look-ups per month by the user's organisation (emergency departments, GP practices, ...)
CREATE TABLE repository.usage_unit_month (
    month            date        NOT NULL,
    organisation_sor text        NOT NULL,
    lookups          bigint      NOT NULL,
    first_lookup     timestamptz NOT NULL,
    PRIMARY KEY (month, organisation_sor)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON repository.municipality, repository.usage_rollup,
    repository.usage_municipality_month, repository.usage_citizen_month, repository.usage_citizen_count,
    repository.usage_unit_month
    TO ${repositoryRole};
