package dk.eojxds.bench;

import dk.eojxds.testsupport.DatabaseCoordinates;
import dk.eojxds.testsupport.Migrations;
import dk.eojxds.testsupport.PostgresServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Bytes on disk per stored document, and what reading one costs, for the ways PostgreSQL can keep
 * the content (issue 27): out of line uncompressed (repository V3's {@code STORAGE EXTERNAL}, what
 * runs today), and out of line compressed with pglz or lz4 ({@code STORAGE EXTENDED}). Each variant
 * is a copy of {@code repository.document} (same columns and indexes) filled with the same
 * {@code N} documents: the golden PHMR-DK, QRD-DK and FSIII overview documents, each made unique
 * by a fresh UUID, in the shares given (TELMA:KPRO:FSIII, default 70:10:20).
 *
 * <p>Arguments: {@code N [telma:kpro:fsiii]}. Measures table, TOAST and index bytes, WAL written
 * by the load, and the time to read 10,000 random documents' first MiB (as ITI-43's first slice).
 */
public final class StorageBenchmark {

    private static final List<String> VARIANTS = List.of("external", "pglz", "lz4");
    private static final int READS = 10_000;

    private StorageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long documents = args.length > 0 ? Long.parseLong(args[0]) : 100_000L;
        int[] shares = shares(args.length > 1 ? args[1] : "70:10:20");
        DatabaseCoordinates db = PostgresServer.forTests().createDatabase("benchstorage");
        db.ensureRuntimeRoles();
        Migrations.apply(db, "repository");
        // one connection for everything: the reads time PostgreSQL, not connecting
        SingleConnectionDataSource connection = new SingleConnectionDataSource(db.url(), db.user(),
                db.password() == null ? "" : db.password(), true);
        JdbcClient jdbc = JdbcClient.create(connection);
        GoldenDocuments golden = GoldenDocuments.read();
        String telma = golden.telma();
        String kpro = golden.kpro();
        String fsiii = golden.fsiii();
        System.out.printf("machine: %d cores; %,d documents, TELMA:KPRO:FSIII %d:%d:%d; content %,d / %,d / %,d bytes%n",
                Runtime.getRuntime().availableProcessors(), documents, shares[0], shares[1], shares[2],
                telma.length(), kpro.length(), fsiii.length());
        System.out.println("| storage | load s | WAL MB | table MB | TOAST MB | indexes MB | bytes per document | "
                + "content bytes per document | read first MiB of 10,000, ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String variant : VARIANTS) {
            String table = "repository.document_" + variant;
            jdbc.sql("CREATE TABLE " + table + " (LIKE repository.document INCLUDING ALL)").update();
            jdbc.sql("ALTER TABLE " + table + " ALTER COLUMN content SET STORAGE "
                    + (variant.equals("external") ? "EXTERNAL" : "EXTENDED")).update();
            if (!variant.equals("external")) {
                jdbc.sql("ALTER TABLE " + table + " ALTER COLUMN content SET COMPRESSION " + variant).update();
            }
            long walBefore = Measuring.wal(jdbc);
            long started = System.nanoTime();
            load(jdbc, table, documents, shares, telma, kpro, fsiii);
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            long walBytes = Measuring.wal(jdbc) - walBefore;
            jdbc.sql("VACUUM ANALYZE " + table).update();
            long[] size = jdbc.sql("""
                            SELECT pg_relation_size(c.oid), coalesce(pg_total_relation_size(c.reltoastrelid), 0),
                                   pg_indexes_size(c.oid), pg_total_relation_size(c.oid)
                            FROM pg_class c WHERE c.oid = ?::regclass""")
                    .param(table).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                    .single();
            long content = jdbc.sql("SELECT sum(pg_column_size(content)) FROM " + table).query(Long.class).single();
            double readMillis = reads(jdbc, table, documents);
            System.out.printf("| %s | %.1f | %,d | %,d | %,d | %,d | %,d | %,d | %.0f |%n", variant, loadSeconds,
                    walBytes >> 20, size[0] >> 20, size[1] >> 20, size[2] >> 20, size[3] / documents,
                    content / documents, readMillis);
            jdbc.sql("DROP TABLE " + table).update();
        }
        connection.destroy();
    }

    // in batches of 10,000, so that one statement's memory stays small at any N
    private static void load(JdbcClient jdbc, String table, long documents, int[] shares, String telma, String kpro,
                             String fsiii) {
        int total = shares[0] + shares[1] + shares[2];
        for (long from = 1; from <= documents; from += 10_000) {
            long to = Math.min(documents, from + 9_999);
            jdbc.sql(("""
                    INSERT INTO %s (unique_id, entry_uuid, family, citizen_cpr, partition_key, status, author_name,
                        author_sor, class_code, class_code_scheme, class_code_display, type_code, type_code_scheme,
                        type_code_display, format_code, format_code_scheme, format_code_display, confidentiality_code,
                        language_code, facility_type_code, facility_type_display, practice_setting_code,
                        practice_setting_display, title, creation_time, mime_type, hash_sha1, size_bytes,
                        repository_unique_id, home_community_id, content, source_fingerprint, stored_at)
                    SELECT '2.25.' || i, 'urn:uuid:' || gen_random_uuid(), f.family, lpad((i %% 900000)::text, 10, '0'),
                           i::text, 'CURRENT', 'Kommune', (1301000016001 + i %% 98)::text,
                           'c', 's', 'd', 't', 's', 'd', 'f', 's', 'd', 'N', 'da-DK', 'x', 'x', 'x', 'x', 'Titel', now(),
                           'text/xml', repeat('0', 40), length(f.body), '1.2', 'urn:oid:1.2',
                           convert_to(replace(f.body, '2026', gen_random_uuid()::text), 'UTF8'), repeat('0', 40), now()
                    FROM generate_series(?::bigint, ?::bigint) AS i
                    CROSS JOIN LATERAL (SELECT CASE WHEN i %% ? < ? THEN 'TELMA' WHEN i %% ? < ? THEN 'KPRO' ELSE 'FSIII' END
                                        AS family) k
                    CROSS JOIN LATERAL (SELECT k.family, CASE k.family WHEN 'TELMA' THEN ?::text WHEN 'KPRO' THEN ?::text
                                        ELSE ?::text END AS body) f""").formatted(table))
                    .param(from).param(to).param(total).param(shares[0]).param(total).param(shares[0] + shares[1])
                    .param(telma).param(kpro).param(fsiii)
                    .update();
        }
    }

    private static double reads(JdbcClient jdbc, String table, long documents) {
        Random random = new Random(27);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            ids.add("2.25." + (1 + (long) (random.nextDouble() * documents)));
        }
        long started = System.nanoTime();
        long bytes = 0;
        for (String id : ids) {
            byte[] slice = jdbc.sql("SELECT substring(content FROM 1 FOR 1048576) FROM " + table + " WHERE unique_id = ?")
                    .param(id).query(byte[].class).single();
            bytes += slice.length;
        }
        if (bytes == 0) {
            throw new IllegalStateException("nothing read from " + table);
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private static int[] shares(String text) {
        String[] parts = text.split(":");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }
}
