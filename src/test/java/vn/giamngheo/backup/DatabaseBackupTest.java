package vn.giamngheo.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Round trip: data made through the real services, backed up from the application's database, restored
 * into a second, freshly migrated PostgreSQL, compared table by table. And the refusals.
 */
@Tag("database")
@SpringBootTest
class DatabaseBackupTest {

    /** A second, empty application database: started and migrated like a new data folder. */
    static EmbeddedPostgres second;

    @Autowired DatabaseBackup backup;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired GeographyCatalog geography;

    @Autowired BackupCommand backupCommand;
    @Autowired RestoreCommand restoreCommand;

    @TempDir Path dir;

    @BeforeAll
    static void startSecondDatabase() throws Exception {
        second = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(second.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stopSecondDatabase() throws Exception {
        if (second != null) {
            second.close();
        }
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    private void makeData() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 0);
        users.create("backup-admin" + System.nanoTime() % 1_000_000, "password-123", "Quản trị sao lưu", Role.ADMINISTRATOR, null);
        CurrentUser officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", commune);
        geography.createVillage(fixture.unitId("commune", commune), "Thôn Sao Lưu " + System.nanoTime(), "thôn");
        registry.create(RegistryFixture.household(commune, "B" + System.nanoTime()), officer);
        long deleted = registry.create(RegistryFixture.household(commune, "B" + System.nanoTime()), officer).id();
        registry.create(RegistryFixture.household(commune, "B" + System.nanoTime()), officer);
        // the highest household number is deleted: the restored sequence must not hand it out again
        vn.giamngheo.household.Household lastOne = registry.create(RegistryFixture.household(commune, "B" + System.nanoTime()), officer);
        long last = lastOne.id();
        registry.delete(last, lastOne.version(), officer);
        assertThat(deleted).isLessThan(last);
    }

    @Test
    void roundTripRestoresEveryTableIntoAFreshDatabase() throws Exception {
        makeData();
        Path file = dir.resolve("giamngheo-backup.zip");
        DatabaseBackup.BackupResult written = backup.backup(file);
        Map<String, String> source = contents(dataSource);
        long lastHouseholdId = jdbc.sql("SELECT last_value FROM household_id_seq").query(Long.class).single();

        assertThat(written.manifest().tables()).extracting(BackupManifest.Table::name)
                .contains("household", "household_member", "citizen_identity", "audit_log", "admin_unit", "app_user",
                        "poverty_standard", "flyway_schema_history")
                .doesNotContain("household_p08", "household_member_pdefault");
        assertThat(written.manifest().tables()).extracting(BackupManifest.Table::name)
                .containsSubsequence("admin_unit", "household", "household_member");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("manifest.json")).isNotNull();
            assertThat(zip.getEntry("tables/household.copy")).isNotNull();
        }

        DatabaseBackup.RestoreResult restored = backup.restore(second.getPostgresDatabase(), file);

        assertThat(restored.manifest().totalRows()).isEqualTo(written.manifest().totalRows());
        Map<String, String> target = contents(second.getPostgresDatabase());
        assertThat(target).isEqualTo(source);
        for (BackupManifest.Table table : written.manifest().tables()) {
            assertThat(target.get(table.name())).startsWith(table.rows() + " ");
        }
        try (Connection c = second.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // triggers fire again: the audit log stays append-only
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET username = 'x'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            // numbering continues past every number handed out before the backup (deleted rows included)
            long auditMax = single(s, "SELECT max(id) FROM audit_log");
            long userId = single(s, "INSERT INTO app_user (username, password_hash, full_name, role)"
                    + " VALUES ('after-restore', 'x', 'Sau khôi phục', 'ADMINISTRATOR') RETURNING id");
            assertThat(userId).isGreaterThan(single(s, "SELECT max(id) FROM app_user WHERE username <> 'after-restore'"));
            long householdId = single(s, """
                    INSERT INTO household (province_code, household_code, commune_id, housing_quality, floor_area_m2,
                                           water_source, toilet, internet_use, income_per_capita)
                    SELECT province_code, 'AFTER-RESTORE', commune_id, housing_quality, floor_area_m2, water_source, toilet,
                           internet_use, 1000000 FROM household ORDER BY id LIMIT 1 RETURNING id""");
            assertThat(householdId).isGreaterThan(lastHouseholdId);
            assertThat(single(s, "SELECT max(id) FROM audit_log")).isGreaterThan(auditMax); // audited with a fresh number
        }
    }

    @Test
    void restoreIntoADatabaseWithDataIsRefusedAndChangesNothing() throws Exception {
        makeData();
        Path file = dir.resolve("b.zip");
        backup.backup(file);
        Map<String, String> before = contents(dataSource);

        assertThatThrownBy(() -> backup.restore(dataSource, file))
                .isInstanceOf(BackupRefusedException.class).hasMessageContaining("not empty");
        assertThat(contents(dataSource)).isEqualTo(before);
    }

    @Test
    void aDamagedFileIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path file = dir.resolve("b.zip");
        backup.backup(file);
        byte[] bytes = Files.readAllBytes(file);
        long offset;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("tables/admin_unit.copy");
            int header = indexOf(bytes, "tables/admin_unit.copy".getBytes()) - 30;
            int nameLength = (bytes[header + 26] & 0xff) | (bytes[header + 27] & 0xff) << 8;
            int extraLength = (bytes[header + 28] & 0xff) | (bytes[header + 29] & 0xff) << 8;
            offset = header + 30 + nameLength + extraLength + entry.getCompressedSize() / 2;
        }
        bytes[(int) offset] ^= 0x01; // one byte of the administrative units' data
        Files.write(file, bytes);
        Map<String, String> before = contents(second.getPostgresDatabase());

        assertThatThrownBy(() -> backup.restore(second.getPostgresDatabase(), file))
                .isInstanceOf(BackupRefusedException.class).hasMessageContaining("damaged");
        assertThat(contents(second.getPostgresDatabase())).isEqualTo(before);
    }

    @Test
    void aBackupOfAnotherSchemaVersionIsRefused() throws Exception {
        Path file = dir.resolve("b.zip");
        backup.backup(file);
        Path other = dir.resolve("other.zip");
        JsonMapper json = JsonMapper.builder().build();
        try (ZipFile zip = new ZipFile(file.toFile()); OutputStream out = Files.newOutputStream(other);
             ZipOutputStream copy = new ZipOutputStream(out)) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                copy.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().equals("manifest.json")) {
                        BackupManifest m = json.readValue(in, BackupManifest.class);
                        copy.write(json.writeValueAsBytes(new BackupManifest(m.formatVersion(), m.createdAt(), "6",
                                m.serverVersion(), m.tables(), m.sequences())));
                    } else {
                        in.transferTo(copy);
                    }
                }
                copy.closeEntry();
            }
        }
        Map<String, String> before = contents(second.getPostgresDatabase());

        assertThatThrownBy(() -> backup.restore(second.getPostgresDatabase(), other))
                .isInstanceOf(BackupRefusedException.class).hasMessageContaining("schema version 6");
        assertThat(contents(second.getPostgresDatabase())).isEqualTo(before);
    }

    @Test
    void theCommandsReportTheOutcomeInTheirExitStatus() {
        makeData();
        Path file = dir.resolve("cli.zip");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        Path passphrase = dir.resolve("passphrase.txt");
        try {
            Files.writeString(passphrase, "mat khau sao luu 2026\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String pass = passphrase.toString();

        assertThat(backupCommand.run(List.of("--out", file.toString(), "--passphrase-file", pass), new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true))).isZero();
        assertThat(out.toString()).contains("backup written").containsPattern("schema version \\d+, \\d+ tables");
        assertThat(file).isRegularFile();

        assertThat(restoreCommand.run(List.of("--in", dir.resolve("missing.zip").toString(), "--passphrase-file", pass), System.out,
                new java.io.PrintStream(err, true))).isEqualTo(2);
        assertThat(restoreCommand.run(List.of("--in", file.toString(), "--passphrase-file", pass), System.out, new java.io.PrintStream(err, true)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("cannot read", "not empty", "nothing was written");
        // the passphrase is never an argument
        assertThat(backupCommand.run(List.of("--out", dir.resolve("x.zip").toString(), "--passphrase", "mat khau sao luu 2026"),
                System.out, new java.io.PrintStream(err, true))).isEqualTo(2);
        assertThat(dir.resolve("x.zip")).doesNotExist();
    }

    /** For every application table: "rows md5-of-the-ordered-rows". */
    private static Map<String, String> contents(DataSource ds) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = DatabaseBackup.tablesInLoadOrder(c);
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                        + " FROM " + DatabaseBackup.quote(table) + " t")) {
                    rs.next();
                    result.put(table, rs.getLong(1) + " " + rs.getString(2));
                }
            }
        }
        return result;
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
