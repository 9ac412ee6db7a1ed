package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.household.GeneratedHouseholds;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The first load of an empty province into its detached partitions (V58, ADR 0013) against the ordinary move
 * ({@code INSERT … SELECT} into the partitioned tables) on the same files: the same rows in every table the import
 * writes (compared in SQL without the generated ids and clock times), the same indexes and constraints on the
 * partitions afterwards (every index valid, ready and live, every constraint validated), errors still reported by
 * file, line and field with nothing stored, a failure inside the load function (after the partitions were detached
 * and filled) leaving them attached, empty and intact, and a province that already holds households taking the
 * ordinary path.
 */
@Tag("database")
@SpringBootTest
class FirstLoadTest {

    @Autowired HouseholdBulkImport importer;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired UserAccounts users;
    @Autowired javax.sql.DataSource dataSource;
    @TempDir Path dir;

    RegistryFixture fixture;
    CurrentUser officer;
    String province;
    List<String> communes;

    @BeforeEach
    void setUp() {
        fixture = new RegistryFixture(jdbc, users);
        // a province of its own: one whose partitions no other test has filled
        province = jdbc.sql("""
                        SELECT p FROM unnest(ARRAY['96','92','91','86','82','80','75','68','66','56']) AS p
                        WHERE NOT EXISTS (SELECT 1 FROM household WHERE province_code = p)
                          AND (SELECT count(*) FROM admin_unit WHERE level = 'commune' AND province_code = p AND valid_to IS NULL) >= 3
                        LIMIT 1""").query(String.class).single();
        officer = fixture.loginAs(Role.PROVINCE_OFFICER, "province", province);
        communes = List.of(fixture.communeCode(province, 0), fixture.communeCode(province, 1),
                fixture.communeCode(province, 2));
        importer.detachEmptyProvinces(true);
    }

    @AfterEach
    void tearDown() {
        importer.stageInBinary(true);
        importer.firstLoadAsConfigured();
        SecurityContextHolder.clearContext();
    }

    private Path[] write(List<HouseholdData> data, String name) throws IOException {
        Path h = dir.resolve(name + "-households.csv");
        Path m = dir.resolve(name + "-members.csv");
        try (OutputStream ho = Files.newOutputStream(h); OutputStream mo = Files.newOutputStream(m);
             HouseholdFileWriter.CsvPair pair = new HouseholdFileWriter().openCsv(ho, mo)) {
            data.forEach(pair::write);
        }
        return new Path[] {h, m};
    }

    private HouseholdBulkImport.Result run(Path[] files) {
        return importer.importFiles(2026, files[0], files[1], officer, s -> { });
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("p", province).query(Long.class).single();
    }

    private List<String> rows(String sql) {
        return jdbc.sql(sql).param("p", province).query(String.class).list();
    }

    /** Everything the import wrote for the province, without generated ids and clock times. */
    private Map<String, List<String>> content(long importId) {
        Map<String, List<String>> c = new TreeMap<>();
        c.put("household", rows("""
                SELECT (to_jsonb(h) - 'id' - 'import_id' - 'classified_at' - 'created_at' - 'updated_at')::text
                FROM household h WHERE province_code = :p ORDER BY household_code"""));
        c.put("household_member", rows("""
                SELECT h.household_code || ' ' || (to_jsonb(m) - 'id' - 'household_id')::text
                FROM household_member m JOIN household h ON h.province_code = m.province_code AND h.id = m.household_id
                WHERE m.province_code = :p ORDER BY h.household_code, m.member_no"""));
        c.put("citizen_identity", rows("""
                SELECT i.id_number || ' ' || h.household_code || ' ' || m.member_no || ' ' || i.province_code
                FROM citizen_identity i JOIN household_member m ON m.id = i.member_id AND m.province_code = i.province_code
                JOIN household h ON h.province_code = m.province_code AND h.id = m.household_id
                WHERE i.province_code = :p ORDER BY 1"""));
        c.put("report_segment", rows("""
                SELECT h.household_code || ' ' || (to_jsonb(g) - 'household_id')::text
                FROM report_segment g JOIN household h ON h.province_code = g.province_code AND h.id = g.household_id
                WHERE g.province_code = :p ORDER BY 1"""));
        c.put("report_count", rows("SELECT to_jsonb(r)::text FROM report_count r WHERE province_code = :p ORDER BY 1"));
        c.put("report_code_count", rows("SELECT to_jsonb(r)::text FROM report_code_count r WHERE province_code = :p ORDER BY 1"));
        c.put("import_batch", jdbc.sql("""
                        SELECT (to_jsonb(b) - 'id' - 'started_at' - 'finished_at' - 'created_at')::text FROM import_batch b
                        WHERE id = :i""").param("i", importId).query(String.class).list());
        c.put("audit", jdbc.sql("""
                        SELECT action || ' ' || entity || ' ' || coalesce(detail, '') FROM audit_log
                        WHERE entity = 'import_batch' AND entity_id = :i ORDER BY id""")
                .param("i", String.valueOf(importId)).query(String.class).list());
        return c;
    }

    /** The indexes and constraints of the province's partitions and the foreign keys that reach them. */
    private List<String> schema() {
        List<String> s = new ArrayList<>(rows("""
                SELECT c.relname || ' ' || regexp_replace(pg_get_indexdef(i.indexrelid), 'INDEX \\S+ ', 'INDEX ')
                FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
                WHERE c.relname IN ('household_p' || :p, 'household_member_p' || :p) ORDER BY 1"""));
        s.addAll(rows("""
                SELECT c.relname || ' ' || k.contype::text || ' ' || pg_get_constraintdef(k.oid) || ' parent ' || (k.conparentid <> 0)
                FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                WHERE c.relname IN ('household_p' || :p, 'household_member_p' || :p) AND k.conname NOT LIKE '%\\_bound'
                ORDER BY 1"""));
        s.addAll(rows("""
                SELECT r.relname || ' -> ' || t.relname || ' ' || pg_get_constraintdef(k.oid)
                FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid
                WHERE t.relname IN ('household_p' || :p, 'household_member_p' || :p) ORDER BY 1"""));
        // every index usable and every constraint validated (a build or a validation left half-done would show here)
        s.addAll(rows("""
                SELECT c.relname || ' index ' || x.relname || ' valid ' || i.indisvalid || ' ready ' || i.indisready
                    || ' live ' || i.indislive
                FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
                WHERE c.relname IN ('household_p' || :p, 'household_member_p' || :p) ORDER BY 1"""));
        s.addAll(rows("""
                SELECT r.relname || ' constraint ' || k.conname || ' validated ' || k.convalidated
                FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid
                WHERE (r.relname IN ('household_p' || :p, 'household_member_p' || :p)
                       OR k.confrelid IN (SELECT oid FROM pg_class WHERE relname IN ('household_p' || :p, 'household_member_p' || :p)))
                  AND k.conname NOT LIKE '%\\_bound' ORDER BY 1"""));
        s.addAll(rows("""
                SELECT c.relname || ' in ' || p.relname || ' ' || pg_get_expr(c.relpartbound, c.oid)
                FROM pg_inherits n JOIN pg_class c ON c.oid = n.inhrelid JOIN pg_class p ON p.oid = n.inhparent
                WHERE c.relname IN ('household_p' || :p, 'household_member_p' || :p) ORDER BY 1"""));
        s.addAll(rows("""
                SELECT c.relname || ' trigger ' || regexp_replace(t.tgname, '_[0-9]+$', '') || ' ' || t.tgfoid::regproc::text
                    || ' ' || t.tgenabled::text || ' ' || t.tgtype FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE c.relname IN ('household_p' || :p, 'household_member_p' || :p) ORDER BY 1"""));
        // the tables themselves (a first load may replace them by tables built aside, V73): owner, grants, options,
        // persistence, row security, replica identity, comments; every column with its type, NOT NULL, default,
        // inheritance, storage, statistics target and grants; the constraints' names and inheritance; no comment left
        // (not connoinherit: PostgreSQL records true for a key or foreign key added to a plain table and false for one
        // cloned into a partition, and a partition can have no inheritance children: it means nothing there)
        s.addAll(rows("""
                SELECT c.relname || ' table ' || c.relkind::text || ' owner ' || c.relowner::regrole::text
                    || ' acl ' || coalesce(c.relacl::text, '-') || ' options ' || coalesce(c.reloptions::text, '-')
                    || ' persistence ' || c.relpersistence::text || ' rls ' || c.relrowsecurity || c.relforcerowsecurity
                    || ' identity ' || c.relreplident::text || ' comment ' || coalesce(obj_description(c.oid, 'pg_class'), '-')
                FROM pg_class c WHERE c.relname IN ('household_p' || :p, 'household_member_p' || :p) ORDER BY 1"""));
        s.addAll(rows("""
                SELECT c.relname || ' column ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                    || ' notnull ' || a.attnotnull || ' default ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-')
                    || ' local ' || a.attislocal || ' inherited ' || a.attinhcount || ' storage ' || a.attstorage::text
                    || ' compression ' || a.attcompression::text || ' statistics ' || coalesce(a.attstattarget::text, '-')
                    || ' collation ' || a.attcollation || ' acl ' || coalesce(a.attacl::text, '-')
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE c.relname IN ('household_p' || :p, 'household_member_p' || :p) AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY 1"""));
        s.addAll(rows("""
                SELECT r.relname || ' constraint ' || k.conname || ' local ' || k.conislocal || ' inherited ' || k.coninhcount
                    || ' noinherit ' || (k.connoinherit AND k.contype NOT IN ('p', 'u', 'f'))
                    || ' comment ' || coalesce(obj_description(k.oid, 'pg_constraint'), '-')
                FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid
                WHERE r.relname IN ('household_p' || :p, 'household_member_p' || :p) AND k.conname NOT LIKE '%\\_bound'
                ORDER BY 1"""));
        s.addAll(rows("""
                SELECT c.relname || ' index ' || x.relname || ' comment ' || coalesce(obj_description(x.oid, 'pg_class'), '-')
                    || ' options ' || coalesce(x.reloptions::text, '-')
                FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
                WHERE c.relname IN ('household_p' || :p, 'household_member_p' || :p) ORDER BY 1"""));
        // the indexes and keys adopted by the parents' (pg_inherits of the indexes), as ATTACH does for matching ones
        s.addAll(rows("""
                SELECT x.relname || ' index of ' || px.relname
                FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
                JOIN pg_inherits n ON n.inhrelid = x.oid JOIN pg_class px ON px.oid = n.inhparent
                WHERE c.relname IN ('household_p' || :p, 'household_member_p' || :p) ORDER BY 1"""));
        return s;
    }

    /** An index not valid, ready or live, or a constraint not validated, in {@link #schema()}. */
    private static boolean invalid(String schemaLine) {
        return schemaLine.matches(".* (valid|ready|live|validated) false.*");
    }

    /** Removes the province's households, members and identity numbers (row triggers off, aggregates rebuilt). */
    private void empty() {
        transactions.executeWithoutResult(t -> {
            jdbc.sql("SELECT set_config('giamngheo.bulk', 'on', true)").query(String.class).single();
            jdbc.sql("DELETE FROM citizen_identity WHERE province_code = :p").param("p", province).update();
            jdbc.sql("DELETE FROM household WHERE province_code = :p").param("p", province).update();
            jdbc.sql("SELECT report_rebuild(:p)").param("p", province).query().listOfRows();
        });
        assertThat(count("SELECT count(*) FROM household_member WHERE province_code = :p")).isZero();
    }

    /** Villages no commune has yet (created by the first import of the files, inside its move's transaction). */
    private Path[] withNewVillages(Path[] files) throws IOException {
        String village = "Xóm mới " + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Files.writeString(files[0], Files.readString(files[0]).replace("Bản ", village + " "));
        assertThat(jdbc.sql("SELECT count(*) FROM admin_unit WHERE level = 'village' AND name LIKE :v || '%'")
                .param("v", village).query(Long.class).single()).isZero();
        return files;
    }

    /** The tables a first load built aside (V73) still there: none once an import has ended. */
    private List<String> builtTables() {
        return jdbc.sql("SELECT t::text FROM bulk_built_tables() t ORDER BY 1")
                .query(String.class).list();
    }

    @Test
    void theFirstLoadStoresExactlyWhatTheOrdinaryMoveStoresAndLeavesThePartitionsAsTheyWere() throws IOException {
        List<HouseholdData> data = GeneratedHouseholds.generate(2_000, 58, 958, communes, "FL");
        Path[] files = withNewVillages(write(data, "first"));
        List<String> schemaBefore = schema();
        assertThat(schemaBefore).anyMatch(s -> s.contains("household_member_p" + province + " f FOREIGN KEY"));

        // the first load first: the villages the file names are created by its move (the built households reference
        // rows of a transaction not yet committed while they are built)
        importer.detachEmptyProvinces(true);
        HouseholdBulkImport.Result first = run(files);
        Map<String, List<String>> actual = content(first.importId());
        List<String> schemaAfter = schema();
        assertThat(builtTables()).isEmpty();
        empty();

        importer.detachEmptyProvinces(false);
        HouseholdBulkImport.Result ordinary = run(files);
        assertThat(ordinary.errors()).isEmpty();
        assertThat(ordinary.firstLoads()).isEmpty();
        Map<String, List<String>> expected = content(ordinary.importId());
        assertThat(schema()).isEqualTo(schemaBefore);

        assertThat(first.errors()).isEmpty();
        assertThat(first.firstLoads()).containsExactly(province);
        assertThat(first.households()).isEqualTo(2_000);
        assertThat(actual.get("household")).anyMatch(h -> h.matches(".*\"village_id\": [0-9]+.*"));
        assertThat(actual.get("household")).hasSize(2_000);
        assertThat(actual.get("household_member")).hasSize((int) first.members());
        assertThat(actual.get("report_segment")).isNotEmpty();
        assertThat(actual.get("report_count")).isNotEmpty();
        assertThat(actual.get("audit")).hasSize(2).anyMatch(a -> a.startsWith("IMPORT import_batch bulk: 2000 households"));
        assertThat(actual.get("household")).anyMatch(s -> s.contains("\"poverty_status\": \"poor\""));
        for (String table : expected.keySet()) {
            assertThat(actual.get(table)).as(table).containsExactlyElementsOf(expected.get(table));
        }
        assertThat(schemaAfter).isEqualTo(schemaBefore);
        assertThat(schemaAfter).anyMatch(x -> x.contains(" valid true ready true live true"))
                .anyMatch(x -> x.contains(" validated true"))
                .anyMatch(x -> x.contains(" trigger "))
                .anyMatch(x -> x.contains(" index of "))
                .noneMatch(FirstLoadTest::invalid);
        // the partitions work as before: the province's households are found through the parent and its indexes
        assertThat(count("SELECT count(*) FROM household WHERE province_code = :p AND household_code = 'FL7'")).isEqualTo(1);
        empty();
    }

    @Test
    void aProvinceThatGetsAHouseholdBetweenItsBuildAndTheSwapTakesTheOrdinaryMove() throws IOException {
        List<HouseholdData> data = GeneratedHouseholds.generate(400, 63, 963, communes, "FW");
        Path[] files = write(data, "meanwhile");
        List<String> schemaBefore = schema();
        long communeId = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'commune' AND code = :c AND valid_to IS NULL")
                .param("c", communes.get(0)).query(Long.class).single();
        List<String> seen = new ArrayList<>();

        // a user saves a household of the province (another connection, committed) once the builds are done
        HouseholdBulkImport.Result result = importer.importFiles(2026, files[0], files[1], officer, line -> {
            seen.add(line);
            if (line.startsWith("built ")) {
                assertThat(builtTables()).containsExactly("bulk_built_household_member_p" + province,
                        "bulk_built_household_p" + province);
                java.util.concurrent.CompletableFuture.runAsync(() -> jdbc.sql("""
                                INSERT INTO household (province_code, household_code, commune_id, area, income_per_capita,
                                    housing_quality, floor_area_m2, water_source, toilet, internet_use)
                                VALUES (:p, 'SAVED-MEANWHILE', :c, 'rural', 1000000, 'durable', 40, 'piped', 'septic', true)""")
                        .param("p", province).param("c", communeId).update()).join();
            }
        });

        assertThat(seen).anyMatch(l -> l.startsWith("built 1 provinces"));
        assertThat(result.stored()).isTrue();
        assertThat(result.firstLoads()).isEmpty();
        assertThat(count("SELECT count(*) FROM household WHERE province_code = :p")).isEqualTo(401);
        assertThat(count("SELECT count(*) FROM household WHERE province_code = :p AND import_id IS NOT NULL")).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM household_member WHERE province_code = :p")).isEqualTo(result.members());
        assertThat(builtTables()).isEmpty();
        assertThat(schema()).isEqualTo(schemaBefore);
        empty();
    }

    @Test
    void aBuildThatFailsLeavesNothingAndBuiltTablesAreDroppedByTheCleanupAndRefusedWithoutAnImport() throws Exception {
        List<String> schemaBefore = schema();
        long communeId = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'commune' AND code = :c AND valid_to IS NULL")
                .param("c", communes.get(0)).query(Long.class).single();
        // without a bulk import holding its lock, the functions refuse
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("SELECT bulk_build_province(:p, 1)")
                .param("p", province).query().listOfRows()).rootCause().hasMessageContaining("no bulk import is running");
        try (java.sql.Connection lock = dataSource.getConnection(); java.sql.Statement s = lock.createStatement()) {
            lock.setAutoCommit(true);
            s.execute("SELECT pg_advisory_lock(" + 0x6769616d4e676865L + ")");
            try {
                stageTwice(communeId, "ONCE", "OTHER");
                assertThat(jdbc.sql("SELECT bulk_build_province(:p, 1)").param("p", province).query(Boolean.class).single())
                        .isTrue();
                assertThat(builtTables()).containsExactly("bulk_built_household_member_p" + province,
                        "bulk_built_household_p" + province);
                // (rows as counted by its key's build: the application's role has no grant on the table)
                assertThat(count("SELECT reltuples::bigint FROM pg_class WHERE relname = 'bulk_built_household_p' || :p"))
                        .isEqualTo(2);
                assertThat(count("SELECT count(*) FROM household WHERE province_code = :p")).isZero();
                s.execute("SELECT bulk_build_cleanup()");
                assertThat(builtTables()).isEmpty();
                assertThat(schema()).isEqualTo(schemaBefore);

                // the same household code twice in one commune: the key built after the rows fails, nothing is left
                jdbc.sql("TRUNCATE bulk_stage_household, bulk_stage_member, bulk_stage_village").update();
                stageTwice(communeId, "TWICE", "TWICE");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("SELECT bulk_build_province(:p, 1)")
                        .param("p", province).query().listOfRows()).rootCause()
                        .hasMessageContaining("could not create unique index").hasMessageContaining("is duplicated");
                assertThat(builtTables()).isEmpty();
            } finally {
                jdbc.sql("TRUNCATE bulk_stage_household, bulk_stage_member, bulk_stage_village").update();
                s.execute("SELECT bulk_build_cleanup()");
                s.execute("SELECT pg_advisory_unlock(" + 0x6769616d4e676865L + ")");
            }
        }
        assertThat(schema()).isEqualTo(schemaBefore).noneMatch(FirstLoadTest::invalid);
        assertThat(count("SELECT count(*) FROM household WHERE province_code = :p")).isZero();
    }

    @Test
    void stagingInCopysBinaryFormatStoresExactlyWhatTheTextFormatStored() throws IOException {
        List<HouseholdData> data = GeneratedHouseholds.generate(1_500, 62, 962, communes, "FT");
        Path[] files = write(data, "format");

        importer.stageInBinary(false);
        HouseholdBulkImport.Result text = run(files);
        assertThat(text.errors()).isEmpty();
        Map<String, List<String>> expected = content(text.importId());
        empty();

        importer.stageInBinary(true);
        HouseholdBulkImport.Result binary = run(files);

        assertThat(binary.errors()).isEmpty();
        assertThat(binary.households()).isEqualTo(1_500);
        assertThat(binary.members()).isEqualTo(text.members());
        Map<String, List<String>> actual = content(binary.importId());
        assertThat(actual.get("household")).hasSize(1_500).anyMatch(s -> s.contains("\"b1_score\": "));
        assertThat(actual.get("household_member")).hasSize((int) binary.members());
        for (String table : expected.keySet()) {
            assertThat(actual.get(table)).as(table).containsExactlyElementsOf(expected.get(table));
        }
        empty();
    }

    @Test
    void errorsOfAFirstLoadAreReportedByFileLineAndFieldAndNothingIsStored() throws IOException {
        List<HouseholdData> data = new ArrayList<>(GeneratedHouseholds.generate(300, 59, 959, communes, "FE"));
        data.add(data.get(9));
        List<String> schemaBefore = schema();

        HouseholdBulkImport.Result result = run(write(data, "errors"));

        assertThat(result.stored()).isFalse();
        assertThat(result.errors()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(ExchangeProblem.DUPLICATE_HOUSEHOLD);
            assertThat(p.file()).isEqualTo("errors-households.csv");
            assertThat(p.line()).isEqualTo(302);
            assertThat(p.column()).isEqualTo("household_code");
        });
        assertThat(result.errors()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(ExchangeProblem.DUPLICATE_ID_NUMBER);
            assertThat(p.file()).isEqualTo("errors-members.csv");
            assertThat(p.column()).isEqualTo("id_number");
        });
        assertThat(count("SELECT count(*) FROM household WHERE province_code = :p")).isZero();
        assertThat(count("SELECT count(*) FROM household_member WHERE province_code = :p")).isZero();
        assertThat(schema()).isEqualTo(schemaBefore);
    }

    @Test
    void aProvinceThatAlreadyHoldsHouseholdsTakesTheOrdinaryMove() throws IOException {
        HouseholdBulkImport.Result first = run(write(GeneratedHouseholds.generate(200, 60, 960, communes, "FA"), "a"));
        assertThat(first.firstLoads()).containsExactly(province);

        HouseholdBulkImport.Result second = run(write(GeneratedHouseholds.generate(300, 61, 961, communes, "FB"), "b"));

        assertThat(second.stored()).isTrue();
        assertThat(second.firstLoads()).isEmpty();
        assertThat(count("SELECT count(*) FROM household WHERE province_code = :p")).isEqualTo(500);
        assertThat(count("SELECT count(*) FROM report_segment WHERE province_code = :p AND status IS NULL"
                + " AND from_year = -2147483648")).isEqualTo(500);
        empty();
    }

    @Test
    void aFirstLoadThatFailsInsideTheLoadFunctionLeavesThePartitionsAttachedAndEmptyWithValidIndexesAndKeys() {
        List<String> schemaBefore = schema();
        long communeId = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'commune' AND code = :c AND valid_to IS NULL")
                .param("c", communes.get(0)).query(Long.class).single();
        try {
            // the same household code twice in one commune: the key built after the rows are in (V58 step 6) fails,
            // after the partitions were detached, stripped of their keys and indexes and filled
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> transactions.executeWithoutResult(t -> {
                long importId = jdbc.sql("""
                                INSERT INTO import_batch (username, list_year, households_file, members_file, status)
                                VALUES ('test', 2026, 'h.csv', 'm.csv', 'stored') RETURNING id""")
                        .query(Long.class).single();
                stageTwice(communeId, "TWICE", "TWICE");
                jdbc.sql("SELECT bulk_load_empty_provinces(ARRAY[CAST(:p AS text)], :i)").param("p", province)
                        .param("i", importId).query().listOfRows();
            })).hasMessageContaining("could not create unique index").hasMessageContaining("is duplicated");
        } finally {
            jdbc.sql("TRUNCATE bulk_stage_household, bulk_stage_member, bulk_stage_village").update();
        }
        assertThat(schema()).isEqualTo(schemaBefore).noneMatch(FirstLoadTest::invalid);
        assertThat(count("SELECT count(*) FROM household WHERE province_code = :p")).isZero();
        assertThat(count("SELECT count(*) FROM household_member WHERE province_code = :p")).isZero();
        // the province still takes the first load afterwards
        assertThat(count("""
                SELECT count(*) FROM pg_inherits n JOIN pg_class c ON c.oid = n.inhrelid
                WHERE c.relname IN ('household_p' || :p, 'household_member_p' || :p)""")).isEqualTo(2);
    }

    /** Two staged households of the province in one commune (committed): household codes first and second. */
    private void stageTwice(long communeId, String first, String second) {
        for (int line = 2; line <= 3; line++) {
            String code = line == 2 ? first : second;
            jdbc.sql("""
                            INSERT INTO bulk_stage_household (line, id, province_code, commune_id, commune_code,
                                household_code, area, income_per_capita, housing_quality, floor_area_m2, water_source,
                                toilet, internet_use, telephone_use, info_devices, loudspeaker_reach, waste_treatment,
                                causes, ethnic_minority, merit_household, social_protection, classified_standard,
                                classified_standard_version)
                            SELECT :line, nextval('household_id_seq'), :p, :commune, :code, :household, area,
                                income_per_capita, housing_quality, floor_area_m2, water_source, toilet, internet_use,
                                telephone_use, info_devices, loudspeaker_reach, waste_treatment, causes, ethnic_minority,
                                merit_household, social_protection, classified_standard, classified_standard_version
                            FROM (SELECT 'rural' AS area, 1000000::bigint AS income_per_capita,
                                'durable' AS housing_quality, 40::numeric AS floor_area_m2, 'tap' AS water_source,
                                'flush' AS toilet, true AS internet_use, true AS telephone_use, '{}'::text[] AS info_devices,
                                true AS loudspeaker_reach, true AS waste_treatment, '{}'::text[] AS causes,
                                false AS ethnic_minority, false AS merit_household, false AS social_protection,
                                'multidimensional' AS classified_standard, '2026' AS classified_standard_version) v""")
                    .param("line", line).param("p", province).param("commune", communeId)
                    .param("code", communes.get(0)).param("household", code).update();
        }
    }

    @Test
    void theFunctionRefusesWhatIsNotAProvinceCode() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("SELECT bulk_load_empty_province('01; --', 1)")
                .query().listOfRows()).hasMessageContaining("not a province code");
    }
}
