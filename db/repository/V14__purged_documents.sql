-- Documents that showed data an operator purged as outside the data scope (FSIII care data on a
-- healthcare feed): their XDS metadata stays (the registry has it, deprecated), their content is
-- erased and ITI-43 no longer finds them. purged_at says when.
ALTER TABLE repository.document ADD COLUMN purged_at timestamptz;
