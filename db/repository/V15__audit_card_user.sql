-- The end user a DGWS user card (MOCES, level 4) names, as the signed card states it: the CPR
-- number, name and authorisation code from the card's UserLog statement. NULL for system cards.
-- Like the citizen's CPR number in the same row, never logged; the table stays append-only.
ALTER TABLE repository.retrieve_audit
    ADD COLUMN user_cpr                char(10),
    ADD COLUMN user_name               text,
    ADD COLUMN user_authorisation_code text;
