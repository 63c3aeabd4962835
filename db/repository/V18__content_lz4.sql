-- Document content compressed with lz4 in TOAST instead of stored uncompressed (V3's STORAGE
-- EXTERNAL). Measured with bench StorageBenchmark (docs/benchmarks.md, "Bytes per stored
-- document"): 100,000 documents took 9,901 bytes each uncompressed, 3,767 with lz4 and 3,474 with
-- pglz; lz4 loaded fastest of the three (6.4 s against 8.0 and 11.1 s) and wrote 60 % less WAL,
-- and reading a document's first MiB (ITI-43's first slice) costs the same. A slice of a
-- compressed value decompresses only up to the slice's end, and documents are far below the
-- 1 MiB slice, so ITI-43's streaming reads each in one slice as before.
-- Only rows written from now on are compressed; rows stored before keep their form until the
-- table is rewritten (docs/operations.md, "Document storage").
ALTER TABLE repository.document ALTER COLUMN content SET STORAGE EXTENDED;
ALTER TABLE repository.document ALTER COLUMN content SET COMPRESSION lz4;
