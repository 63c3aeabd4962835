package dk.eojxds.bench;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A year of the nation's data, written straight into the tables the services own (issue 27): the
 * documents with their content, their registrations, the ingested resources they came from, the
 * change rows, and a year of retrieve audit. The nation is scaled down to a size in documents by
 * taking fewer citizens, never fewer days: every citizen has a whole year, so a store of any size
 * holds documents of every age, as a national store one year after go-live does.
 *
 * <p>The assumptions ({@link Nation#DENMARK}) are stated with their sources in
 * docs/benchmarks.md, "A year of the nation's data". Content is the golden PHMR-DK, QRD-DK and
 * FSIII overview documents, each made unique; resources are the raw JSON the product itself
 * ingested for the same family (taken from the database after the benchmark's first pipeline run).
 */
final class NationalData {

    /**
     * What a year of the nation holds, per family: citizens, and documents per citizen and year;
     * look-ups (ITI-43 requests) per month and documents per look-up.
     */
    record Nation(long fsiiiCitizens, int fsiiiVersionsPerYear, long telmaCitizens, int telmaDaysPerWeek,
                  long kproCitizens, int kproResponsesPerYear, long lookupsPerMonth, int documentsPerLookup) {

        /** See docs/benchmarks.md for each figure's source and how sure it is. */
        static final Nation DENMARK = new Nation(170_000, 36, 20_000, 5, 20_000, 12, 100_000, 3);

        long documentsPerYear() {
            return fsiiiCitizens * fsiiiVersionsPerYear + telmaCitizens * telmaDays() + kproCitizens * kproResponsesPerYear;
        }

        int telmaDays() {
            return 52 * telmaDaysPerWeek;
        }

        long auditRowsPerYear() {
            return lookupsPerMonth * 12 * documentsPerLookup;
        }
    }

    // CPR numbers no real person has (day 99), one range per family
    private static final String CPR = "'99' || lpad((%d + %s)::text, 8, '0')";
    private static final long FSIII_BASE = 0;
    private static final long TELMA_BASE = 10_000_000;
    private static final long KPRO_BASE = 20_000_000;
    private static final int CITIZENS_PER_STATEMENT = 200;

    private final JdbcClient jdbc;
    private final Nation nation;
    private final String municipalitySor;
    private final GoldenDocuments golden;
    private final String repositoryUniqueId;

    NationalData(JdbcClient jdbc, Nation nation, List<String> sorByShare, String repositoryUniqueId) {
        this.jdbc = jdbc;
        this.nation = nation;
        this.repositoryUniqueId = repositoryUniqueId;
        // a citizen's municipality: citizen number modulo the share table (one entry per thousandth)
        this.municipalitySor = "(ARRAY[" + sorByShare.stream().map(s -> "'" + s + "'").collect(Collectors.joining(","))
                + "])[(%s) %% " + sorByShare.size() + " + 1]";
        this.golden = GoldenDocuments.read();
    }

    /**
     * The share table: 1,000 entries, each municipality's SOR code as often as its share of the
     * citizens, given most populous first: a Zipf law with exponent 0.75 over the 98 gives the
     * first 10.9 % (Copenhagen has about 11 % of the population), the second 6.5 %, the third
     * 4.8 %, and every municipality at least one entry.
     */
    static List<String> sharesOf(List<String> sorCodes) {
        double[] weight = new double[sorCodes.size()];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = 1.0 / Math.pow(i + 1, 0.75);
        }
        double total = Arrays.stream(weight).sum();
        // rounding each share up to at least one entry gives 1,003 entries for the 98; the table keeps 1,000
        List<String> table = new java.util.ArrayList<>();
        for (int i = 0; i < weight.length; i++) {
            table.addAll(java.util.Collections.nCopies((int) Math.max(1, Math.round(1000 * weight[i] / total)), sorCodes.get(i)));
        }
        return List.copyOf(table.subList(0, Math.min(1000, table.size())));
    }

    /** The citizens per family a nation scaled to {@code documents} a year has. */
    long[] citizensFor(long documents) {
        double scale = documents / (double) nation.documentsPerYear();
        return new long[] {Math.round(nation.fsiiiCitizens() * scale), Math.round(nation.telmaCitizens() * scale),
                Math.round(nation.kproCitizens() * scale)};
    }

    /** Adds the citizens from {@code from} (exclusive) up to {@code to}, per family, with their year. */
    void grow(long[] from, long[] to) {
        for (long c = from[0]; c < to[0]; c += CITIZENS_PER_STATEMENT) {
            fsiii(c + 1, Math.min(to[0], c + CITIZENS_PER_STATEMENT));
        }
        for (long c = from[1]; c < to[1]; c += CITIZENS_PER_STATEMENT) {
            telma(c + 1, Math.min(to[1], c + CITIZENS_PER_STATEMENT));
        }
        for (long c = from[2]; c < to[2]; c += CITIZENS_PER_STATEMENT) {
            kpro(c + 1, Math.min(to[2], c + CITIZENS_PER_STATEMENT));
        }
    }

    /**
     * Rows {@code first} to {@code last} of a year of look-ups (one audit row per document asked
     * for), spread evenly over twelve months and written oldest first, as the service appends them
     * (so the time index, a BRIN, works as in production): half of them TELMA, four in ten FSIII,
     * one in ten K-PRO, each naming a document of a citizen who has one; {@code citizens} as
     * {@link #citizensFor} gives them.
     */
    void audit(long first, long last, long[] citizens) {
        String family = "(ARRAY['TELMA','TELMA','TELMA','TELMA','TELMA','FSIII','FSIII','FSIII','FSIII','KPRO'])[r % 10 + 1]";
        for (long from = first; from <= last; from += 100_000) {
            long to = Math.min(last, from + 99_999);
            jdbc.sql(("""
                    INSERT INTO repository.retrieve_audit (at, request_id, outcome, caller_verified, caller_system,
                        caller_organisation_id, caller_organisation_name, card_type, user_role, user_organisation_sor,
                        user_type, security_level, remote_address, document_unique_id, family, citizen_cpr,
                        data_municipality_sor)
                    SELECT now() - interval '10 minutes' - (? - r) * interval '365 days' / (? - ? + 1), gen_random_uuid(),
                           CASE WHEN r %% 100 = 0 THEN 'NOT_FOUND' ELSE 'RETRIEVED' END, true, 'DDS',
                           '1.2.208.176.1.2', 'Sundhedsdatastyrelsen - DDS', 'system', 'sundhed.dk',
                           (400022 + r %% 1999)::text,
                           CASE WHEN r %% 10 = 0 THEN 'nsi:Citizen' ELSE 'nsi:HealthcareProfessional' END, 3, '10.0.0.1',
                           'nat.' || lower(left(a.family, 1)) || '.' || a.c || '.1', a.family,
                           CASE a.family WHEN 'FSIII' THEN %s WHEN 'TELMA' THEN %s ELSE %s END, %s
                    FROM generate_series(?::bigint, ?::bigint) AS r,
                         LATERAL (SELECT %s AS family) f,
                         LATERAL (SELECT f.family, 1 + (r / 10) %% greatest(CASE f.family WHEN 'FSIII' THEN ?
                                  WHEN 'TELMA' THEN ? ELSE ? END, 1) AS c) a""")
                    .formatted(CPR.formatted(FSIII_BASE, "a.c"), CPR.formatted(TELMA_BASE, "a.c"),
                            CPR.formatted(KPRO_BASE, "a.c"), municipalitySor.formatted("a.c"), family))
                    .param(last).param(last).param(first).param(from).param(to).param(citizens[0]).param(citizens[1])
                    .param(citizens[2]).update();
        }
    }

    // one FSIII overview series per citizen, replaced every ten days or so: every version but the last REPLACED
    private void fsiii(long first, long last) {
        int versions = nation.fsiiiVersionsPerYear();
        documents("""
                SELECT 'nat.f.' || c || '.' || v AS unique_id, 'FSIII' AS family, %s AS cpr, 'current' AS partition_key,
                       CASE WHEN v = %d THEN 'CURRENT' ELSE 'REPLACED' END AS status,
                       CASE WHEN v > 1 THEN 'nat.f.' || c || '.' || (v - 1) END AS replaces,
                       now() - interval '365 days' + (v - 1) * interval '365 days' / %d + (c %% 1000) * interval '1 minute'
                           AS at, c AS citizen
                FROM generate_series(?::bigint, ?::bigint) AS c, generate_series(1, %d) AS v"""
                .formatted(CPR.formatted(FSIII_BASE, "c"), versions, versions, versions), first, last, golden.fsiii(),
                "application/json");
    }

    // one PHMR-DK per measuring day, the day its own series
    private void telma(long first, long last) {
        documents("""
                SELECT 'nat.t.' || c || '.' || d AS unique_id, 'TELMA' AS family, %s AS cpr,
                       to_char(now() - d * interval '1 day', 'YYYY-MM-DD') AS partition_key, 'CURRENT' AS status,
                       NULL AS replaces, now() - d * interval '1 day' - interval '2 hours' AS at, c AS citizen
                FROM generate_series(?::bigint, ?::bigint) AS c, generate_series(0, 364) AS d
                WHERE (d + c) %% 7 < %d""".formatted(CPR.formatted(TELMA_BASE, "c"), nation.telmaDaysPerWeek()),
                first, last, golden.telma(), "text/xml");
    }

    // one QRD-DK per response, the response its own series
    private void kpro(long first, long last) {
        int responses = nation.kproResponsesPerYear();
        documents("""
                SELECT 'nat.k.' || c || '.' || v AS unique_id, 'KPRO' AS family, %s AS cpr, 'qr-' || c || '-' || v
                       AS partition_key, 'CURRENT' AS status, NULL AS replaces,
                       now() - interval '365 days' + v * interval '365 days' / %d AS at, c AS citizen
                FROM generate_series(?::bigint, ?::bigint) AS c, generate_series(1, %d) AS v"""
                .formatted(CPR.formatted(KPRO_BASE, "c"), responses, responses), first, last, golden.kpro(), "text/xml");
    }

    /**
     * The documents the query gives (unique_id, family, cpr, partition_key, status, replaces, at,
     * citizen), with their registrations, their resources (as many as the product stored per
     * document of that family, the JSON copied from what it ingested) and their change row.
     */
    private void documents(String series, long first, long last, String body, String mimeType) {
        String sor = municipalitySor.formatted("s.citizen");
        jdbc.sql(("""
                INSERT INTO repository.document (unique_id, entry_uuid, family, citizen_cpr, partition_key, status,
                    replaces_unique_id, author_name, author_sor, class_code, class_code_scheme, class_code_display, type_code,
                    type_code_scheme, type_code_display, format_code, format_code_scheme, format_code_display,
                    confidentiality_code, language_code, facility_type_code, facility_type_display, practice_setting_code,
                    practice_setting_display, event_codes, title, creation_time, service_start_time, service_stop_time,
                    mime_type, hash_sha1, size_bytes, repository_unique_id, home_community_id, content, source_fingerprint,
                    stored_at, patient_family, patient_given, source_received_at)
                SELECT s.unique_id, 'urn:uuid:' || gen_random_uuid(), s.family, s.cpr, s.partition_key, s.status, s.replaces,
                       'Hjemmesygeplejen', %s, '001', '1.2.208.184.100.9', 'Klinisk rapport', '74465-6', '2.16.840.1.113883.6.1',
                       'Hjemmemålinger', 'urn:ad:dk:medcom:phmr:full', '1.2.208.184.100.10', 'DK PHMR schema',
                       'N', 'da-DK', '550621000005101', 'hjemmesygepleje', '408443003', 'almen medicin',
                       ARRAY['NPU03011|Arm-Systolisk blodtryk', 'NPU03012|Arm-Diastolisk blodtryk'], 'Hjemmemålinger',
                       s.at, s.at - interval '1 hour', s.at, ?, encode(sha256(convert_to(s.unique_id, 'UTF8')), 'hex')::char(40),
                       ?, ?, 'urn:oid:1.2.208.176.8.1',
                       convert_to(replace(?, '2026', s.unique_id), 'UTF8'), md5(s.unique_id) || '00000000', s.at,
                       'Efternavn', ARRAY['Fornavn'], s.at - interval '30 seconds'
                FROM (%s) s""").formatted(sor, series))
                .param(mimeType).param((long) body.length()).param(repositoryUniqueId).param(body).param(first).param(last)
                .update();
        String ids = "SELECT unique_id, family, cpr, partition_key, status, at, citizen FROM (" + series + ") s";
        jdbc.sql("""
                INSERT INTO registry.registration (document_unique_id, entry_uuid, submission_set_unique_id, state, attempts,
                    first_attempt_at, registered_at)
                SELECT s.unique_id, 'urn:uuid:' || md5(s.unique_id)::uuid, '2.25.' || abs(hashtext(s.unique_id)), 'REGISTERED',
                       1, s.at, s.at + interval '2 seconds'
                FROM (%s) s""".formatted(ids)).param(first).param(last).update();
        // the resources: the template rows the product ingested for this family, one copy per document
        jdbc.sql("""
                INSERT INTO ingest.resource (resource_type, resource_id, family, feed, citizen_cpr, partition_key, version_id,
                    last_updated, status, raw_json, received_at, municipality_sor)
                SELECT t.resource_type, s.unique_id || '.' || t.n, s.family, t.feed, s.cpr, s.partition_key, 1, s.at,
                       t.status, t.raw_json, s.at - interval '30 seconds', %s
                FROM (%s) s JOIN bench_resource_template t ON t.family = s.family
                WHERE s.status = 'CURRENT' OR t.family <> 'FSIII'""".formatted(sor, ids)).param(first).param(last).update();
        jdbc.sql("""
                INSERT INTO ingest.change (family, citizen_cpr, partition_key, revision, changed_at, processed_at, priority)
                SELECT s.family, s.cpr, s.partition_key, 1, s.at - interval '30 seconds', s.at, 0 FROM (%s) s
                WHERE s.status = 'CURRENT'""".formatted(ids)).param(first).param(last).update();
    }

    /**
     * Keeps the newest resources the product ingested, a document's worth per family, as the
     * templates the generator copies ({@code public.bench_resource_template}).
     */
    void takeResourceTemplates() {
        jdbc.sql("DROP TABLE IF EXISTS bench_resource_template").update();
        jdbc.sql("""
                CREATE TABLE bench_resource_template AS
                SELECT r.resource_type, r.family, r.feed, r.status, r.raw_json,
                       row_number() OVER (PARTITION BY r.family ORDER BY r.resource_id) AS n
                FROM ingest.resource r
                JOIN (SELECT DISTINCT ON (family) family, citizen_cpr, partition_key FROM ingest.resource
                      ORDER BY family, received_at DESC) one
                  ON one.family = r.family AND one.citizen_cpr = r.citizen_cpr AND one.partition_key = r.partition_key""")
                .update();
    }
}
