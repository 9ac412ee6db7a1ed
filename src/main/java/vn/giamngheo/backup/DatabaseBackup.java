package vn.giamngheo.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Service;
import vn.giamngheo.system.DatabaseOwner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logical backup and restore of the application's tables (schema {@code public}, Flyway's history included).
 *
 * <p>Backup: one REPEATABLE READ, read-only transaction (a consistent snapshot); every table is streamed with
 * {@code COPY (SELECT columns FROM table) TO STDOUT} into its own ZIP entry (partitioned tables through their
 * parent), followed by {@code manifest.json} ({@link BackupManifest}). Memory use does not grow with the data.
 *
 * <p>Restore: only into an empty application database (no households, no users) of the same Flyway schema
 * version, after every entry's checksum was verified. One transaction with triggers switched off
 * ({@code session_replication_role = replica}), run as the owner role ({@link DatabaseOwner}, ADR 0009: the
 * application's role may neither truncate nor switch triggers off; the owner is granted SET on that parameter):
 * the rows seeded by the migrations are removed, every table is loaded with {@code COPY FROM STDIN}, the
 * sequences are set past both the recorded value and the largest value in use, and the row counts are
 * compared with the manifest. Any failure rolls everything back.
 *
 * <p>The embedded database may be used by one process at a time: stop the application before running the
 * commands on its data folder (or point them with {@code --spring.datasource.url} at the running server).
 */
@Service
public class DatabaseBackup {

    /** Version of the file format written by {@link #backup}. */
    public static final int FORMAT_VERSION = 1;

    static final String MANIFEST = "manifest.json";

    private static final String SCHEMA = "public";

    private final DataSource dataSource;
    /** A restore truncates every table with triggers off: only the owner may (ADR 0009). */
    private final DataSource ownerDataSource;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public DatabaseBackup(DataSource dataSource, DatabaseOwner owner, Clock clock) {
        this.dataSource = dataSource;
        this.ownerDataSource = owner.dataSource();
        this.clock = clock;
    }

    /** What a backup wrote. */
    public record BackupResult(Path file, BackupManifest manifest) {
    }

    /** What a restore loaded. */
    public record RestoreResult(BackupManifest manifest, int sequences) {
    }

    /** Backs up the application's database into {@code out} (replaced when it exists). */
    public BackupResult backup(Path out) throws IOException, SQLException {
        return backup(dataSource, out);
    }

    /** Restores {@code in} into the application's database. */
    public RestoreResult restore(Path in) throws IOException, SQLException {
        return restore(ownerDataSource, in);
    }

    // ------------------------------------------------------------------------------------------ backup

    /** Backs up the application's database into {@code out}, encrypted with the passphrase ({@link BackupEncryption}). */
    public BackupResult backupEncrypted(Path out, char[] passphrase) throws IOException, SQLException {
        return backup(dataSource, out, Objects.requireNonNull(passphrase));
    }

    /**
     * Restores an encrypted backup into the application's database: the whole file is decrypted and authenticated first
     * (into a temporary file readable by this user only, deleted afterwards); a file that fails is refused before
     * anything is written — whatever checksums it carries inside.
     */
    public RestoreResult restoreEncrypted(Path in, char[] passphrase) throws IOException, SQLException {
        return restoreEncrypted(ownerDataSource, in, passphrase);
    }

    public RestoreResult restoreEncrypted(DataSource target, Path in, char[] passphrase) throws IOException, SQLException {
        if (!Files.isRegularFile(in)) {
            throw new BackupRefusedException("cannot read " + in);
        }
        Path plain = Files.createTempFile("giamngheo-restore-", ".zip"); // rw------- on POSIX file systems
        try {
            try (InputStream encrypted = new java.io.BufferedInputStream(Files.newInputStream(in), 1 << 16);
                 OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(plain), 1 << 16)) {
                BackupEncryption.decrypt(encrypted, out, passphrase);
            } catch (BackupEncryption.DecryptionException e) {
                throw new BackupRefusedException(in + " cannot be decrypted: " + e.getMessage(), e);
            }
            return restore(target, plain);
        } finally {
            Files.deleteIfExists(plain);
        }
    }

    public BackupResult backup(DataSource source, Path out) throws IOException, SQLException {
        return backup(source, out, null);
    }

    private BackupResult backup(DataSource source, Path out, char[] passphrase) throws IOException, SQLException {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path partial = Files.createTempFile(dir, target.getFileName().toString(), ".partial");
        try {
            BackupManifest manifest;
            try (Connection connection = source.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                int isolation = connection.getTransactionIsolation();
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
                OutputStream raw = new java.io.BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
                try (OutputStream file = passphrase == null ? raw : BackupEncryption.encrypting(raw, passphrase);
                     ZipOutputStream zip = new ZipOutputStream(file)) {
                    manifest = writeSnapshot(connection, zip);
                } finally {
                    connection.rollback(); // read only: nothing to commit
                    connection.setReadOnly(false);
                    connection.setTransactionIsolation(isolation);
                    connection.setAutoCommit(autoCommit);
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new BackupResult(target, manifest);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private BackupManifest writeSnapshot(Connection connection, ZipOutputStream zip) throws SQLException, IOException {
        // the first query fixes the snapshot: everything below sees the same state
        String flywayVersion = flywayVersion(connection);
        String createdAt = clock.instant().toString();
        String serverVersion = connection.getMetaData().getDatabaseProductVersion();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<BackupManifest.Table> tables = new ArrayList<>();
        for (String table : tablesInLoadOrder(connection)) {
            List<String> columns = columns(connection, table);
            String entry = "tables/" + table + ".copy";
            zip.putNextEntry(new ZipEntry(entry));
            MeasuringOutputStream measured = new MeasuringOutputStream(zip);
            copy.copyOut("COPY (SELECT " + columnList(columns) + " FROM " + quote(table) + ") TO STDOUT", measured);
            zip.closeEntry();
            tables.add(new BackupManifest.Table(table, entry, columns, measured.lines, measured.sha256()));
        }
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        for (String sequence : sequences(connection)) {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM " + quote(sequence))) {
                rs.next();
                sequences.add(new BackupManifest.Sequence(sequence, rs.getLong(1), rs.getBoolean(2)));
            }
        }
        BackupManifest manifest = new BackupManifest(FORMAT_VERSION, createdAt, flywayVersion, serverVersion,
                List.copyOf(tables), List.copyOf(sequences));
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        return manifest;
    }

    // ----------------------------------------------------------------------------------------- restore

    public RestoreResult restore(DataSource target, Path in) throws IOException, SQLException {
        if (!Files.isRegularFile(in)) {
            throw new BackupRefusedException("cannot read " + in);
        }
        try (ZipFile zip = openZip(in)) {
            BackupManifest manifest = readManifest(zip, in);
            verifyChecksums(zip, manifest, in);
            try (Connection connection = target.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    int sequences = load(connection, zip, manifest);
                    connection.commit();
                    return new RestoreResult(manifest, sequences);
                } catch (SQLException | IOException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            }
        }
    }

    private static ZipFile openZip(Path in) {
        try {
            return new ZipFile(in.toFile());
        } catch (IOException e) {
            throw new BackupRefusedException(in + " is not a readable backup file (" + e.getMessage() + ")", e);
        }
    }

    private BackupManifest readManifest(ZipFile zip, Path in) {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new BackupRefusedException(in + " is not a giamngheo backup (no " + MANIFEST + ")");
        }
        BackupManifest manifest;
        try (InputStream stream = zip.getInputStream(entry)) {
            manifest = json.readValue(stream, BackupManifest.class);
        } catch (IOException | JacksonException e) {
            throw new BackupRefusedException(in + ": the manifest is damaged (" + e.getMessage() + ")", e);
        }
        if (manifest.formatVersion() != FORMAT_VERSION) {
            throw new BackupRefusedException(in + ": backup format " + manifest.formatVersion()
                    + " is not supported (this version reads format " + FORMAT_VERSION + ")");
        }
        if (manifest.tables() == null || manifest.tables().isEmpty() || manifest.flywayVersion() == null) {
            throw new BackupRefusedException(in + ": the manifest is incomplete");
        }
        return manifest;
    }

    private static void verifyChecksums(ZipFile zip, BackupManifest manifest, Path in) {
        for (BackupManifest.Table table : manifest.tables()) {
            ZipEntry entry = zip.getEntry(table.entry());
            if (entry == null) {
                throw new BackupRefusedException(in + " is damaged: entry " + table.entry() + " is missing");
            }
            String actual;
            try (InputStream stream = zip.getInputStream(entry)) {
                actual = sha256(stream);
            } catch (IOException e) {
                throw new BackupRefusedException(in + " is damaged: entry " + table.entry() + " cannot be read ("
                        + e.getMessage() + ")", e);
            }
            if (!actual.equals(table.sha256())) {
                throw new BackupRefusedException(in + " is damaged: checksum of " + table.entry() + " does not match the manifest");
            }
        }
    }

    private int load(Connection connection, ZipFile zip, BackupManifest manifest) throws SQLException, IOException {
        String version = flywayVersionOrNull(connection);
        if (version == null) {
            throw new BackupRefusedException("the target database has no application schema: start the application once"
                    + " on it (its migrations create the schema), then restore");
        }
        if (!version.equals(manifest.flywayVersion())) {
            throw new BackupRefusedException("the backup has schema version " + manifest.flywayVersion()
                    + " but the target database has " + version + ": restore with the application version that made the backup");
        }
        List<String> present = tablesInLoadOrder(connection);
        List<String> missing = manifest.tables().stream().map(BackupManifest.Table::name).filter(t -> !present.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new BackupRefusedException("the target database has no table(s) " + missing);
        }
        try (Statement s = connection.createStatement()) {
            // keep the application (or a second restore) out while checking and loading
            s.execute("LOCK TABLE household, app_user IN EXCLUSIVE MODE");
            try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM household), (SELECT count(*) FROM app_user)")) {
                rs.next();
                if (rs.getLong(1) > 0 || rs.getLong(2) > 0) {
                    throw new BackupRefusedException("the target database is not empty (" + rs.getLong(1) + " households, "
                            + rs.getLong(2) + " users): restore only into a new database");
                }
            }
            // no trigger fires: no audit rows, no refusals from append-only or immutable tables, no foreign key checks
            s.execute("SET LOCAL session_replication_role = replica");
            List<String> all = new ArrayList<>();
            manifest.tables().forEach(t -> all.add(quote(t.name())));
            // every table of the backup, in one statement (seeded rows: administrative units, standards, Flyway history…)
            s.execute("TRUNCATE " + String.join(", ", all));
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (BackupManifest.Table table : manifest.tables()) {
            MessageDigest digest = newDigest();
            try (InputStream stream = new DigestInputStream(zip.getInputStream(zip.getEntry(table.entry())), digest)) {
                long rows = copy.copyIn("COPY " + quote(table.name()) + " (" + columnList(table.columns()) + ") FROM STDIN", stream);
                if (rows != table.rows()) {
                    throw new SQLException("table " + table.name() + ": loaded " + rows + " rows, the manifest says " + table.rows());
                }
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(table.sha256())) {
                throw new BackupRefusedException("entry " + table.entry() + " changed while it was being restored");
            }
        }
        int sequences = resetSequences(connection, manifest);
        for (BackupManifest.Table table : manifest.tables()) {
            long count = count(connection, table.name());
            if (count != table.rows()) {
                throw new SQLException("table " + table.name() + " holds " + count + " rows after the restore, the manifest says " + table.rows());
            }
        }
        return sequences; // SET LOCAL ends with the transaction: triggers fire again afterwards
    }

    /**
     * Sets every sequence of the schema so the next value lies past the recorded value (no number handed
     * out before the backup is handed out again, even of rows since deleted) and past every value in use.
     */
    private static int resetSequences(Connection connection, BackupManifest manifest) throws SQLException {
        Map<String, BackupManifest.Sequence> recorded = new LinkedHashMap<>();
        if (manifest.sequences() != null) {
            manifest.sequences().forEach(s -> recorded.put(s.name(), s));
        }
        Map<String, List<String[]>> users = sequenceUsers(connection);
        int reset = 0;
        for (String sequence : sequences(connection)) {
            long value = 0;
            BackupManifest.Sequence before = recorded.get(sequence);
            if (before != null && before.called()) {
                value = before.lastValue();
            }
            for (String[] use : users.getOrDefault(sequence, List.of())) {
                try (Statement s = connection.createStatement();
                     ResultSet rs = s.executeQuery("SELECT max(" + quote(use[1]) + ") FROM " + quote(use[0]))) {
                    rs.next();
                    value = Math.max(value, rs.getLong(1));
                }
            }
            try (PreparedStatement p = connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                p.setString(1, quote(sequence));
                p.setLong(2, value > 0 ? value : 1);
                p.setBoolean(3, value > 0);
                p.execute();
            }
            reset++;
        }
        return reset;
    }

    // ----------------------------------------------------------------------------------------- catalog

    private static String flywayVersion(Connection connection) throws SQLException {
        String version = flywayVersionOrNull(connection);
        if (version == null) {
            throw new BackupRefusedException("the database has no Flyway schema history: nothing to back up");
        }
        return version;
    }

    private static String flywayVersionOrNull(Connection connection) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT to_regclass('public.flyway_schema_history') IS NOT NULL");
             ResultSet rs = p.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return null;
            }
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                     + " ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * Tables of the schema (partitioned tables as their parent, extensions' tables left out, and the tables a first load
     * builds aside before it swaps them in for partitions, V73), referenced ones first.
     */
    static List<String> tablesInLoadOrder(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                  AND d.objid = c.oid AND d.deptype = 'e')
                  AND c.oid NOT IN (SELECT t::oid FROM bulk_built_tables() t)
                ORDER BY c.relname""")) {
            p.setString(1, SCHEMA);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        Map<String, Set<String>> references = new LinkedHashMap<>();
        tables.forEach(t -> references.put(t, new LinkedHashSet<>()));
        try (PreparedStatement p = connection.prepareStatement("""
                SELECT c.relname, r.relname FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE k.contype = 'f' AND n.nspname = ?""")) {
            p.setString(1, SCHEMA);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString(1);
                    String to = rs.getString(2);
                    if (references.containsKey(from) && references.containsKey(to) && !from.equals(to)) {
                        references.get(from).add(to);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String table : tables) {
            visit(table, references, ordered, visiting);
        }
        return ordered;
    }

    private static void visit(String table, Map<String, Set<String>> references, List<String> ordered, Set<String> visiting) {
        if (ordered.contains(table) || !visiting.add(table)) {
            return; // done, or a cycle (loading runs without foreign key checks anyway)
        }
        for (String referenced : references.get(table)) {
            visit(referenced, references, ordered, visiting);
        }
        visiting.remove(table);
        ordered.add(table);
    }

    /** Stored columns (generated columns are computed again on load), in table order. */
    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("""
                SELECT a.attname FROM pg_attribute a
                WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                ORDER BY a.attnum""")) {
            p.setString(1, quote(SCHEMA) + "." + quote(table));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static List<String> sequences(Connection connection) throws SQLException {
        List<String> sequences = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind = 'S' ORDER BY c.relname""")) {
            p.setString(1, SCHEMA);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    sequences.add(rs.getString(1));
                }
            }
        }
        return sequences;
    }

    /** For each sequence, the (table, column) pairs it numbers: identity and serial columns and {@code nextval} defaults. */
    private static Map<String, List<String[]>> sequenceUsers(Connection connection) throws SQLException {
        Map<String, List<String[]>> users = new LinkedHashMap<>();
        try (PreparedStatement p = connection.prepareStatement("""
                SELECT s.relname, t.relname, a.attname
                FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
                JOIN pg_depend d ON d.refclassid = 'pg_class'::regclass AND d.refobjid = s.oid
                                AND d.classid = 'pg_attrdef'::regclass
                JOIN pg_attrdef ad ON ad.oid = d.objid
                JOIN pg_class t ON t.oid = ad.adrelid
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ad.adnum
                WHERE s.relkind = 'S' AND n.nspname = ? AND NOT t.relispartition
                UNION
                SELECT s.relname, t.relname, a.attname
                FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
                JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
                                AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                JOIN pg_class t ON t.oid = d.refobjid
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
                WHERE s.relkind = 'S' AND n.nspname = ? AND NOT t.relispartition""")) {
            p.setString(1, SCHEMA);
            p.setString(2, SCHEMA);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    users.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return users;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ----------------------------------------------------------------------------------------- helpers

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(DatabaseBackup::quote).toList());
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(InputStream stream) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = stream.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Passes bytes on (without closing the ZIP) while hashing them and counting lines (= rows in COPY text format). */
    private static final class MeasuringOutputStream extends FilterOutputStream {
        private final MessageDigest digest = newDigest();
        long lines;

        MeasuringOutputStream(OutputStream out) {
            super(Objects.requireNonNull(out));
        }

        @Override
        public void write(int b) throws IOException {
            digest.update((byte) b);
            if (b == '\n') {
                lines++;
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            digest.update(b, off, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // the ZIP entry is closed by the caller
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
