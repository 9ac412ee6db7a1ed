package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.giamngheo.GiamngheoApplication;
import vn.giamngheo.backup.DatabaseBackup;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.household.GeneratedHouseholds;
import vn.giamngheo.household.importing.HouseholdBulkImport;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.system.DatabaseOwner;

/**
 * Issue 17, point 2 (ADR 0009): the application's role — the real pool of the application context — can change
 * no row of an append-only table by any route: not UPDATE, DELETE or TRUNCATE (of the table or of one of its
 * partitions), not by switching triggers off ({@code session_replication_role}, {@code DISABLE TRIGGER}, dropping
 * the guard, taking ownership), not through a SECURITY DEFINER function of its own or of the schema called with
 * hostile arguments. Each table's rows are fingerprinted (count and checksum) before and compared after. The role
 * is no superuser and owns nothing; the application still works (bulk import, report rebuild, restore).
 */
@Tag("database")
@SpringBootTest
class LeastPrivilegeTest {

    /** Every append-only table (a guard trigger refuses UPDATE/DELETE/TRUNCATE), with one of its guard triggers. */
    static final Map<String, String> APPEND_ONLY = new LinkedHashMap<>();

    static {
        APPEND_ONLY.put("audit_log", "audit_log_no_update_delete");
        APPEND_ONLY.put("household_status", "household_status_locked");
        APPEND_ONLY.put("review_transition", "review_transition_no_update_delete");
        APPEND_ONLY.put("personal_data_read", "personal_data_read_no_update_delete");
        APPEND_ONLY.put("poverty_standard", "poverty_standard_immutable");
        APPEND_ONLY.put("poverty_standard_parameter", "poverty_standard_parameter_immutable");
        APPEND_ONLY.put("report_version", "report_version_only_grows");
        APPEND_ONLY.put("report_unit_version", "report_unit_version_only_grows");
    }

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired DatabaseOwner owner;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired HouseholdBulkImport bulkImport;
    @Autowired DatabaseBackup backup;

    @TempDir Path dir;

    RegistryFixture fixture;

    @BeforeEach
    void someRowsInEveryLog() {
        fixture = new RegistryFixture(jdbc, users);
        CurrentUser officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", fixture.communeCode("08", 0));
        registry.create(RegistryFixture.household(fixture.communeCode("08", 0), "LP" + System.nanoTime() % 1_000_000), officer);
        jdbc.sql("INSERT INTO personal_data_read (username, route, path, status) VALUES ('lp', '/households', '/households', 200)")
                .update();
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theApplicationsRoleIsNoSuperuserOwnsNothingAndIsNotTheOwner() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String role = string(s, "SELECT current_user");
            assertThat(role).isEqualTo(owner.applicationRole()).isNotEqualTo(owner.user());
            assertThat(string(s, "SELECT concat_ws(',', rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls)"
                    + " FROM pg_roles WHERE rolname = current_user")).isEqualTo("f,f,f,f,f");
            assertThat(string(s, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relowner = current_user::regrole AND n.nspname NOT LIKE 'pg_temp%'"
                    + " AND n.nspname NOT LIKE 'pg_toast_temp%'")).isEqualTo("0");
            assertThat(string(s, "SELECT count(*) FROM pg_proc WHERE proowner = current_user::regrole")).isEqualTo("0");
            assertThat(string(s, "SELECT count(*) FROM pg_namespace WHERE nspowner = current_user::regrole"
                    + " AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'")).isEqualTo("0");
            assertThat(string(s, "SELECT count(*) FROM pg_database WHERE datdba = current_user::regrole")).isEqualTo("0");
            assertThat(string(s, "SELECT pg_has_role(current_user, '" + owner.user() + "', 'MEMBER')")).isEqualTo("f");
            assertThat(string(s, "SELECT has_schema_privilege('public', 'CREATE')")).isEqualTo("f");
            // every table the migrations made belongs to the owner
            assertThat(string(s, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                    + " AND relkind IN ('r', 'p', 'S', 'v') AND relowner <> '" + owner.user() + "'::regrole")).isEqualTo("0");
        }
    }

    @Test
    void theQueueOfStatusesNotYetCountedGetsRowsAndLosesThemButNoRowChanges() throws SQLException {
        // V82: report_pending is filled by the trigger on household_status and emptied by the catch-up (V74)
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(string(s, "SELECT concat_ws(',', has_table_privilege('report_pending', 'SELECT'),"
                    + " has_table_privilege('report_pending', 'INSERT'), has_table_privilege('report_pending', 'DELETE'),"
                    + " has_table_privilege('report_pending', 'UPDATE'), has_table_privilege('report_pending', 'TRUNCATE'))"))
                    .isEqualTo("t,t,t,f,f");
        }
        assertThatThrownBy(() -> asApplication("UPDATE report_pending SET status_id = status_id"))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }

    @Test
    void theApplicationsRoleCannotChangeAnAppendOnlyTableByAnyRoute() throws SQLException {
        Map<String, String> before = fingerprints();
        assertThat(before.get("audit_log")).doesNotStartWith("0 ");
        assertThat(before.get("personal_data_read")).doesNotStartWith("0 ");

        List<String> attacks = new ArrayList<>();
        for (Map.Entry<String, String> e : APPEND_ONLY.entrySet()) {
            String table = e.getKey();
            String column = jdbc.sql("SELECT attname FROM pg_attribute WHERE attrelid = :t::regclass AND attnum > 0"
                            + " AND NOT attisdropped AND attidentity = '' AND attgenerated = '' ORDER BY attnum LIMIT 1")
                    .param("t", table).query(String.class).single();
            attacks.add("UPDATE " + table + " SET " + column + " = " + column);
            attacks.add("DELETE FROM " + table);
            attacks.add("TRUNCATE " + table);
            attacks.add("TRUNCATE " + table + " CASCADE");
            attacks.add("ALTER TABLE " + table + " DISABLE TRIGGER ALL");
            attacks.add("ALTER TABLE " + table + " DISABLE TRIGGER " + e.getValue());
            attacks.add("DROP TRIGGER " + e.getValue() + " ON " + table);
            attacks.add("ALTER TABLE " + table + " OWNER TO " + owner.applicationRole());
            attacks.add("DROP TABLE " + table + " CASCADE");
            attacks.add("ALTER TABLE " + table + " RENAME TO " + table + "_old");
            // its partitions, reached directly (a partition's statement triggers are not the parent's)
            for (String partition : jdbc.sql("SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = :t::regclass")
                    .param("t", table).query(String.class).list()) {
                attacks.add("DELETE FROM " + partition);
                attacks.add("TRUNCATE " + partition);
                attacks.add("ALTER TABLE " + table + " DETACH PARTITION " + partition);
            }
        }
        attacks.addAll(List.of(
                "SET session_replication_role = replica",
                "SET session_replication_role = replica; DELETE FROM audit_log",
                "SET ROLE " + owner.user(),
                "SET ROLE postgres",
                "SET SESSION AUTHORIZATION " + owner.user(),
                "CREATE OR REPLACE FUNCTION refuse_change_of_append_only_table() RETURNS trigger LANGUAGE plpgsql"
                        + " AS $$ BEGIN RETURN NULL; END $$",
                "ALTER FUNCTION refuse_change_of_append_only_table() OWNER TO " + owner.applicationRole(),
                "DROP FUNCTION refuse_change_of_append_only_table() CASCADE",
                "CREATE FUNCTION public.wipe() RETURNS void LANGUAGE sql SECURITY DEFINER AS 'DELETE FROM audit_log'",
                "CREATE SCHEMA attack",
                "CREATE TABLE public.audit_log_copy (id bigint)",
                "GRANT " + owner.user() + " TO " + owner.applicationRole(),
                "ALTER ROLE " + owner.applicationRole() + " SUPERUSER",
                "ALTER ROLE " + owner.applicationRole() + " SET session_replication_role = replica",
                "DO $$ BEGIN EXECUTE 'DELETE FROM audit_log'; END $$",
                "COPY audit_log TO PROGRAM 'true'",
                // the SECURITY DEFINER functions, with hostile arguments
                "SELECT report_rebuild('08; DELETE FROM audit_log')",
                "SELECT report_rebuild('08'' OR true --')",
                "SELECT report_rebuild('default')",
                "SELECT report_rebuild('08.audit_log')",
                "SELECT report_rebuild('x')",
                "SELECT analyze_imported('audit_log')",
                "SELECT analyze_imported('household; DELETE FROM audit_log')",
                "SELECT analyze_imported(NULL)",
                "SELECT bulk_load_empty_province('08; DELETE FROM audit_log', 1)",
                "SELECT bulk_load_empty_province('default', 1)",
                "SELECT bulk_load_empty_province('08', NULL)",
                "SELECT bulk_load_empty_province('08', -1)",
                "SELECT bulk_build_province('08; DELETE FROM audit_log', 1)",
                "SELECT bulk_build_province('default', 1)",
                "SELECT bulk_build_province('08', NULL)",
                "SELECT bulk_build_province('08', -1)",
                "SELECT bulk_build_province('08', 1)", // no bulk import running
                "SELECT bulk_swap_provinces(ARRAY['08; DELETE FROM audit_log'], 1)",
                "SELECT bulk_swap_provinces(NULL, 1)",
                "SELECT bulk_swap_provinces(ARRAY['08'], -1)",
                "SELECT bulk_swap_provinces(ARRAY['08'], 1)",
                "SELECT bulk_build_prepare()", // only on the connection holding the import's lock
                "SELECT bulk_build_cleanup()",
                "SELECT bulk_build_drop_all()", // the helpers: the owner's alone
                "SELECT bulk_built_indexes('household_p08', 'audit_log')",
                "SELECT bulk_built_rename('household_p08', 'audit_log')",
                "SELECT analyze_imported_partitions('audit_log', ARRAY['08'])",
                "SELECT analyze_imported_partitions('household', ARRAY['08; DELETE FROM audit_log'])",
                "SELECT analyze_imported_partitions('household', ARRAY['default'])",
                "SELECT analyze_imported_partitions('household', NULL)",
                "SELECT personal_data_read_partition(NULL)",
                "SELECT personal_data_read_partition(DATE '1900-01-01')",
                "SELECT grant_application_privileges('" + owner.applicationRole() + "')",
                "SELECT grant_application_privileges('" + owner.user() + "')"));
        for (String attack : attacks) {
            // refused for want of a privilege (42501), or an argument a definer function does not take (22023):
            // never by a mistake in the attack itself
            assertThatThrownBy(() -> asApplication(attack)).as(attack).isInstanceOf(SQLException.class)
                    .satisfies(t -> assertThat(((SQLException) t).getSQLState()).as(attack + ": " + t.getMessage())
                            .isIn("42501", "22023"));
        }

        // a SECURITY DEFINER function of its own (in its temporary schema) runs with its own rights: refused too
        assertThatThrownBy(() -> asApplication("""
                CREATE FUNCTION pg_temp.wipe() RETURNS void LANGUAGE sql SECURITY DEFINER AS 'DELETE FROM public.audit_log';
                SELECT pg_temp.wipe()""")).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        // and the one flag it may set is the one flag: nothing else of household_status
        assertThatThrownBy(() -> asApplication("UPDATE household_status SET status = status"))
                .hasMessageContaining("permission denied");

        assertThat(fingerprints()).isEqualTo(before);
        // the guards are still there and still on
        assertThat(jdbc.sql("SELECT count(*) FROM pg_trigger WHERE tgname IN (:names) AND tgenabled = 'O' AND NOT tgisinternal"
                        + " AND tgrelid::regclass::text IN (:tables)")
                .param("names", List.copyOf(APPEND_ONLY.values())).param("tables", List.copyOf(APPEND_ONLY.keySet()))
                .query(Long.class).single()).isEqualTo(APPEND_ONLY.size());
    }

    @Test
    void theApplicationStillWorksAsItsRoleBulkImportAndReportRebuild() throws IOException {
        CurrentUser province = fixture.loginAs(Role.PROVINCE_OFFICER, "province", "11");
        List<String> communes = List.of(fixture.communeCode("11", 0), fixture.communeCode("11", 1));
        Path h = dir.resolve("households.csv");
        Path m = dir.resolve("members.csv");
        try (OutputStream ho = Files.newOutputStream(h); OutputStream mo = Files.newOutputStream(m);
             HouseholdFileWriter.CsvPair pair = new HouseholdFileWriter().openCsv(ho, mo)) {
            GeneratedHouseholds.generate(50, 17, 917, communes, "LPB").forEach(pair::write);
        }
        Map<String, String> before = fingerprints();
        HouseholdBulkImport.Result result = bulkImport.importFiles(2026, h, m, province, s -> { });
        assertThat(result.stored()).as("%s", result.errors()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM household WHERE import_id = :i").param("i", result.importId())
                .query(Long.class).single()).isEqualTo(50);
        // the import's audit entry was appended: the log grew, nothing else of it changed
        assertThat(fingerprints().get("audit_log")).isNotEqualTo(before.get("audit_log"));
        // the report rebuild of a province (partition detached, truncated, attached again: as the owner, V35)
        jdbc.sql("SELECT report_rebuild('11')").query().listOfRows();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_inherits WHERE inhrelid = 'report_segment_p11'::regclass"
                + " AND inhparent = 'report_segment'::regclass").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM report_segment WHERE province_code = '11'").query(Long.class).single())
                .isGreaterThanOrEqualTo(50);
    }

    @Test
    @Tag("own-database") // a fresh data folder of its own: not on the one shared server of .ci/run's second phase
    void aBackupOfTheApplicationsRoleIsRestoredByTheOwnerOfAFreshDataFolder() throws Exception {
        Path file = dir.resolve("backup.zip");
        backup.backup(file); // as the application's role: it reads everything
        Map<String, String> source = fingerprints();
        try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(GiamngheoApplication.class)
                .web(WebApplicationType.NONE)
                // arguments, not default properties: the test configuration (classpath:/config/) would win over those
                .run("--giamngheo.data-dir=" + dir.resolve("fresh"), "--giamngheo.embedded.clean=true",
                        "--giamngheo.demo.enabled=false", "--spring.main.banner-mode=off")) {
            DatabaseBackup freshBackup = fresh.getBean(DatabaseBackup.class);
            DatabaseOwner freshOwner = fresh.getBean(DatabaseOwner.class);
            assertThat(freshOwner.separateFromApplication()).isTrue();
            freshBackup.restore(file); // as the fresh folder's owner
            JdbcClient freshJdbc = fresh.getBean(JdbcClient.class);
            assertThat(freshJdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(freshOwner.applicationRole());
            assertThat(freshJdbc.sql("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '')"
                    + " FROM audit_log t").query(String.class).single()).isEqualTo(source.get("audit_log"));
            // after the restore the restored log is as closed to the application as before
            assertThatThrownBy(() -> freshJdbc.sql("DELETE FROM audit_log").update())
                    .hasStackTraceContaining("permission denied");
            assertThatThrownBy(() -> freshJdbc.sql("SET session_replication_role = replica").update())
                    .hasStackTraceContaining("permission denied");
        }
    }

    /** One statement (or a script) on its own connection of the application's pool, committed. */
    private void asApplication(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute(sql);
        }
    }

    /** Per append-only table: row count and a checksum of every row (through the partitioned parent). */
    private Map<String, String> fingerprints() {
        Map<String, String> result = new LinkedHashMap<>();
        for (String table : APPEND_ONLY.keySet()) {
            result.put(table, jdbc.sql("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '')"
                    + " FROM " + table + " t").query(String.class).single());
        }
        return result;
    }

    private static String string(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
