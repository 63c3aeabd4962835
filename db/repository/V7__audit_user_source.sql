-- Where the end user's attributes of an audit row come from: the signed ID card (ID_CARD) or the
-- HSUID header the caller forwards unsigned (HSUID: asserted by the verified caller, not verified
-- by us). NULL when the row names no end user.
ALTER TABLE repository.retrieve_audit
    ADD COLUMN user_source text CHECK (user_source IN ('ID_CARD', 'HSUID'));
