-- Store document content uncompressed out of line, so that substring() reads a slice without
-- detoasting the whole value: ITI-43 streams documents in chunks instead of holding them in memory.
-- (Documents are XML/JSON, already small next to their metadata; compression would save little.)
ALTER TABLE repository.document ALTER COLUMN content SET STORAGE EXTERNAL;
