-- Reference data an operator loads (not code): which SOR units are emergency departments, GP
-- practices, municipalities, ... used by the statistics.
CREATE TABLE repository.sor_unit (
    sor_code text PRIMARY KEY,
    kind     text NOT NULL CHECK (kind IN ('EMERGENCY_DEPARTMENT', 'GENERAL_PRACTICE', 'MUNICIPALITY', 'HOSPITAL', 'OTHER')),
    name     text NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
);
