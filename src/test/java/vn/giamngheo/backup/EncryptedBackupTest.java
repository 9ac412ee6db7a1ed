package vn.giamngheo.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Encrypted backups end to end: backed up from the application's database, restored into a freshly migrated second
 * PostgreSQL; and what is refused before anything is written — a wrong passphrase, a flipped byte, a cut file, and a
 * forged audit row whose checksum was recomputed inside (plain, or encrypted with another passphrase).
 */
@Tag("database")
@SpringBootTest
class EncryptedBackupTest {

    private static final char[] PASS = "mat khau sao luu 2026".toCharArray();

    static EmbeddedPostgres fresh;

    @Autowired DatabaseBackup backup;
    @Autowired DataSource dataSource;
    @Autowired UserAccounts users;
    @Autowired JdbcClient jdbc;
    @Autowired RestoreCommand restoreCommand;

    @TempDir Path dir;

    @BeforeAll
    static void startFreshDatabase() throws Exception {
        fresh = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(fresh.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stopFreshDatabase() throws Exception {
        if (fresh != null) {
            fresh.close();
        }
    }

    @Test
    void roundTripThroughAnEncryptedFile() throws Exception {
        users.create("enc" + System.nanoTime() % 1_000_000, "password-123", "Người sao lưu", Role.MINISTRY_VIEWER, null);
        Path file = dir.resolve("b.gnbk");
        DatabaseBackup.BackupResult written = backup.backupEncrypted(file, PASS);
        byte[] head = Arrays.head(file);
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("GNBKENC1");
        assertThatThrownBy(() -> new ZipFile(file.toFile())).as("not readable as a ZIP").isInstanceOf(java.io.IOException.class);

        Map<String, String> source = contents(dataSource);
        DatabaseBackup.RestoreResult restored = backup.restoreEncrypted(fresh.getPostgresDatabase(), file, PASS);
        assertThat(restored.manifest().totalRows()).isEqualTo(written.manifest().totalRows());
        assertThat(contents(fresh.getPostgresDatabase())).isEqualTo(source);
    }

    @Test
    void aWrongPassphraseAFlippedByteAndACutFileAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path file = dir.resolve("b.gnbk");
        backup.backupEncrypted(file, PASS);
        byte[] bytes = Files.readAllBytes(file);
        Map<String, String> before = contents(fresh.getPostgresDatabase());

        assertThatThrownBy(() -> backup.restoreEncrypted(fresh.getPostgresDatabase(), file, "mat khau khac 2026".toCharArray()))
                .isInstanceOf(BackupRefusedException.class).hasMessageContaining("wrong passphrase");

        Path flipped = dir.resolve("flipped.gnbk");
        byte[] changed = bytes.clone();
        changed[bytes.length / 2] ^= 0x01;
        Files.write(flipped, changed);
        assertThatThrownBy(() -> backup.restoreEncrypted(fresh.getPostgresDatabase(), flipped, PASS))
                .isInstanceOf(BackupRefusedException.class).hasMessageContaining("cannot be decrypted");

        Path cut = dir.resolve("cut.gnbk");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> backup.restoreEncrypted(fresh.getPostgresDatabase(), cut, PASS))
                .isInstanceOf(BackupRefusedException.class).hasMessageContaining("cannot be decrypted");

        assertThat(contents(fresh.getPostgresDatabase())).isEqualTo(before);
    }

    @Test
    void aForgedAuditRowWithARecomputedChecksumIsRefused() throws Exception {
        // what an attacker without the passphrase can make: a backup in the inner format, one audit row forged and the
        // manifest's checksum of that table recomputed
        Path plain = dir.resolve("plain.zip");
        backup.backup(dataSource, plain);
        Path forged = dir.resolve("forged.zip");
        forge(plain, forged);
        assertThat(checksumsMatch(forged)).as("the forgery is consistent inside").isTrue();
        Map<String, String> before = contents(fresh.getPostgresDatabase());

        assertThatThrownBy(() -> backup.restoreEncrypted(fresh.getPostgresDatabase(), forged, PASS))
                .isInstanceOf(BackupRefusedException.class).hasMessageContaining("not an encrypted giamngheo backup");

        Path reEncrypted = dir.resolve("forged.gnbk");
        try (InputStream in = Files.newInputStream(forged);
             OutputStream out = BackupEncryption.encrypting(Files.newOutputStream(reEncrypted), "mat khau ke gian 2026".toCharArray())) {
            in.transferTo(out);
        }
        assertThatThrownBy(() -> backup.restoreEncrypted(fresh.getPostgresDatabase(), reEncrypted, PASS))
                .isInstanceOf(BackupRefusedException.class).hasMessageContaining("wrong passphrase");

        Path passphrase = dir.resolve("pass.txt");
        Files.writeString(passphrase, new String(PASS) + "\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(restoreCommand.run(List.of("--in", forged.toString(), "--passphrase-file", passphrase.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing was written");
        assertThat(contents(fresh.getPostgresDatabase())).isEqualTo(before);
    }

    /** Copies the backup with the first audit row's user name changed and the manifest's checksum and nothing else redone. */
    private static void forge(Path plain, Path forged) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        byte[] audit;
        try (ZipFile zip = new ZipFile(plain.toFile())) {
            try (InputStream in = zip.getInputStream(zip.getEntry("tables/audit_log.copy"))) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int tab = text.indexOf('\t', text.indexOf('\t') + 1);
                int next = text.indexOf('\t', tab + 1);
                audit = (text.substring(0, tab + 1) + "ke-gian" + text.substring(next)).getBytes(StandardCharsets.UTF_8);
            }
            try (OutputStream out = Files.newOutputStream(forged); ZipOutputStream copy = new ZipOutputStream(out)) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    copy.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream in = zip.getInputStream(entry)) {
                        if (entry.getName().equals("tables/audit_log.copy")) {
                            copy.write(audit);
                        } else if (entry.getName().equals(DatabaseBackup.MANIFEST)) {
                            BackupManifest m = json.readValue(in, BackupManifest.class);
                            List<BackupManifest.Table> tables = m.tables().stream()
                                    .map(t -> t.name().equals("audit_log")
                                            ? new BackupManifest.Table(t.name(), t.entry(), t.columns(), t.rows(), sha256(audit)) : t)
                                    .toList();
                            copy.write(json.writeValueAsBytes(new BackupManifest(m.formatVersion(), m.createdAt(),
                                    m.flywayVersion(), m.serverVersion(), tables, m.sequences())));
                        } else {
                            in.transferTo(copy);
                        }
                    }
                    copy.closeEntry();
                }
            }
        }
    }

    private static boolean checksumsMatch(Path file) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            BackupManifest m;
            try (InputStream in = zip.getInputStream(zip.getEntry(DatabaseBackup.MANIFEST))) {
                m = json.readValue(in, BackupManifest.class);
            }
            for (BackupManifest.Table t : m.tables()) {
                try (InputStream in = zip.getInputStream(zip.getEntry(t.entry()))) {
                    if (!sha256(in.readAllBytes()).equals(t.sha256())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> contents(DataSource ds) throws Exception {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : DatabaseBackup.tablesInLoadOrder(c)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                        + " FROM " + DatabaseBackup.quote(table) + " t")) {
                    rs.next();
                    result.put(table, rs.getLong(1) + " " + rs.getString(2));
                }
            }
        }
        return result;
    }

    private static final class Arrays {
        static byte[] head(Path file) throws java.io.IOException {
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(8);
            }
        }
    }
}
